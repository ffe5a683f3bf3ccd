import type { CredentialValues } from '../../domain/credentials/credential.entity';
import type { ApplicationLabel } from '../../domain/installations/application-catalogue';
import type { InstallationValues } from '../../domain/installations/installed-application.value-object';
import type { ServerProfileValues } from '../../domain/server-profile.value-object';
import type { ServerStatusName } from '../../domain/server-status.value-object';
import type { Server } from '../../domain/server.aggregate';

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

/** A credential in the API's field order, whether read from its row or from the aggregate. */
export function credentialViewOf(credential: CredentialValues): CredentialView {
  return {
    id: credential.id,
    connectionType: credential.connectionType,
    username: credential.username,
    hasPassword: true,
    localIp: credential.localIp,
    localPort: credential.localPort,
    publicIp: credential.publicIp,
    publicPort: credential.publicPort,
  };
}

/** An installation with its label, in the API's field order. */
export function installedApplicationViewOf(
  { applicationId, installDir, logDir }: InstallationValues,
  { name, version, architecture }: ApplicationLabel,
): InstalledApplicationView {
  return { applicationId, name, version, architecture, installDir, logDir };
}

/**
 * A server as a command committed it, shown as GET /servers/{id} shows it, in the same field
 * order: the answer to a write, built from the aggregate instead of read back (ADR 4).
 * `labels` must name every installed application.
 */
export function committedServerView(
  server: Server,
  labels: ReadonlyMap<string, ApplicationLabel>,
): ServerView {
  return {
    id: server.id,
    ...server.profile.toJSON(),
    status: server.status.value,
    // Id order, as the read side sorts them: two added in the same millisecond keep it too.
    credentials: server.credentials
      .map((credential) => credentialViewOf(credential.toJSON()))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    applications: server.installedApplications.map((installation) => {
      const label = labels.get(installation.applicationId);
      if (!label) throw new Error(`no label for installed ${installation.applicationId}`);
      return installedApplicationViewOf(installation.toJSON(), label);
    }),
    revision: server.revision,
    createdAt: server.createdAt.toISOString(),
    updatedAt: server.updatedAt.toISOString(),
    discarded: server.discarded,
  };
}
