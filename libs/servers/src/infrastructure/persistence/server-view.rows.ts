import { booleanFrom, timestampFrom } from '@servertree/platform';
import { CredentialValues } from '../../domain/credentials/credential.entity';
import { ServerStatusName } from '../../domain/server-status.value-object';
import {
  InstalledApplicationView,
  ServerSummary,
  ServerView,
} from '../../application/queries/server.view';
import { ProfileColumns, profileOf } from './server.mapper';

/** Raw rows of the read queries, as either driver returns them. */
export interface ServerRow extends ProfileColumns {
  id: string;
  status: ServerStatusName;
  revision: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  discarded: boolean | number;
}

export interface CredentialRow extends CredentialValues {
  serverId: string;
}

export interface InstallationRow extends InstalledApplicationView {
  serverId: string;
}

export function serverSummaryOf(row: ServerRow, tags: readonly string[]): ServerSummary {
  return {
    id: row.id,
    ...profileOf(row, tags),
    status: row.status,
    revision: Number(row.revision),
    createdAt: timestampFrom(row.createdAt).toISOString(),
    updatedAt: timestampFrom(row.updatedAt).toISOString(),
    discarded: booleanFrom(row.discarded),
  };
}

export function serverViewOf(
  row: ServerRow,
  credentials: readonly CredentialRow[],
  installations: readonly InstallationRow[],
  tags: readonly string[],
): ServerView {
  const { revision, createdAt, updatedAt, discarded, ...fields } = serverSummaryOf(row, tags);
  return {
    ...fields,
    credentials: credentials.map((credential) => ({
      id: credential.id,
      connectionType: credential.connectionType,
      username: credential.username,
      hasPassword: true,
      localIp: credential.localIp,
      localPort: credential.localPort,
      publicIp: credential.publicIp,
      publicPort: credential.publicPort,
    })),
    applications: installations.map(({ serverId: _, ...installation }) => installation),
    revision,
    createdAt,
    updatedAt,
    discarded,
  };
}
