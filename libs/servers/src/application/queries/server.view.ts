import type { CredentialValues } from '../../domain/credentials/credential.entity';
import type { ApplicationLabel } from '../../domain/installations/application-catalogue';
import type { InstallationValues } from '../../domain/installations/installed-application.value-object';
import type { ServerProfileValues } from '../../domain/server-profile.value-object';
import type { ServerStatusName } from '../../domain/server-status.value-object';

/** A credential as readers see it: everything but the password, only that there is one. */
export interface CredentialView extends CredentialValues {
  /** Always true, as a credential cannot exist without one; the password itself never shows. */
  readonly hasPassword: true;
}

/** An installed application as a server shows it: where it is, and what the catalogue calls it. */
export interface InstalledApplicationView extends InstallationValues, ApplicationLabel {}

/** The read model of a server: exactly what the API shows. */
export interface ServerView extends ServerProfileValues {
  readonly id: string;
  readonly status: ServerStatusName;
  /** Oldest first. */
  readonly credentials: readonly CredentialView[];
  /** In application id order, which is the order they were registered in the catalogue. */
  readonly applications: readonly InstalledApplicationView[];
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}

/** A server's own fields, without its credentials and installations: a row of an export. */
export type ServerSummary = Omit<ServerView, 'credentials' | 'applications'>;
