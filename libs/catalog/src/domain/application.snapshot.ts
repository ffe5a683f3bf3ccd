/** The application as the API shows it; also the payload of `server.application.registered`. */
export interface ApplicationSnapshot {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}
