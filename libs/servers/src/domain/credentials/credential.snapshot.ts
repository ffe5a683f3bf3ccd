/** A credential as the API and the events show it: everything but the password. */
export interface CredentialSnapshot {
  readonly id: string;
  readonly connectionType: string;
  readonly username: string;
  /** Always true, as a credential cannot exist without one; the password itself never shows. */
  readonly hasPassword: true;
  readonly localIp: string;
  readonly localPort: number;
  readonly publicIp: string | null;
  readonly publicPort: number | null;
}
