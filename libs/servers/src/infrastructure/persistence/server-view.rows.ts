import { booleanFrom, timestampFrom } from '@servertree/platform';
import { CredentialSnapshot } from '../../domain/credentials/credential.snapshot';
import { ServerStatusName } from '../../domain/server-status.value-object';
import { InstalledApplicationSnapshot } from '../../domain/server.snapshot';
import { ServerSummary, ServerView } from '../../application/queries/server.view';

/** Raw rows of the read queries, as either driver returns them. */
export interface ServerRow {
  id: string;
  name: string;
  cpuCores: number | null;
  ramMb: number | null;
  diskGb: number | null;
  environment: string;
  osName: string;
  osVersion: string;
  osArchitecture: string;
  status: ServerStatusName;
  revision: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  discarded: boolean | number;
}

export interface CredentialRow extends Omit<CredentialSnapshot, 'hasPassword'> {
  serverId: string;
}

export interface InstallationRow extends InstalledApplicationSnapshot {
  serverId: string;
}

export function serverSummaryOf(row: ServerRow, tags: readonly string[]): ServerSummary {
  return {
    id: row.id,
    name: row.name,
    cpuCores: row.cpuCores,
    ramMb: row.ramMb,
    diskGb: row.diskGb,
    environment: row.environment,
    operatingSystem: {
      name: row.osName,
      version: row.osVersion,
      architecture: row.osArchitecture,
    },
    tags,
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
