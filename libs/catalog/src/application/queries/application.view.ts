import type { ApplicationValues } from '../../domain/application-description';

/** The read model of an application: exactly what the API shows. */
export interface ApplicationView extends ApplicationValues {
  readonly id: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}
