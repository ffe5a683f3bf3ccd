import { booleanFrom, jsonArrayFrom, timestampFrom } from '@servertree/platform';
import { CredentialValues } from '../../domain/credentials/credential.entity';
import { ServerStatusName } from '../../domain/server-status.value-object';
import {
  credentialViewOf,
  installedApplicationViewOf,
  InstalledApplicationView,
  ServerSummary,
  ServerView,
} from '../../application/queries/server.view';
import { ProfileColumns, profileOf } from './server.mapper';

/** A server's own columns, as either driver returns them, with its tags (Dialect.jsonArrayOf). */
export interface ServerSummaryRow extends ProfileColumns {
  id: string;
  status: ServerStatusName;
  revision: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  discarded: boolean | number;
  tags: JsonArray<string>;
}

/** A server row with all its children. */
export interface ServerRow extends ServerSummaryRow {
  credentials: JsonArray<CredentialValues>;
  applications: JsonArray<InstalledApplicationView>;
}

type JsonArray<Item> = Parameters<typeof jsonArrayFrom<Item>>[0];

export function serverSummaryOf({ tags, ...row }: ServerSummaryRow): ServerSummary {
  return {
    id: row.id,
    ...profileOf(row, jsonArrayFrom(tags).sort()),
    status: row.status,
    revision: Number(row.revision),
    createdAt: timestampFrom(row.createdAt).toISOString(),
    updatedAt: timestampFrom(row.updatedAt).toISOString(),
    discarded: booleanFrom(row.discarded),
  };
}

export function serverViewOf({ credentials, applications, ...row }: ServerRow): ServerView {
  const { revision, createdAt, updatedAt, discarded, ...fields } = serverSummaryOf(row);
  return {
    ...fields,
    // Oldest first: ids are time-ordered (UUID v7, lower case), so id order is addition order.
    credentials: sortedBy(jsonArrayFrom(credentials), 'id').map(credentialViewOf),
    applications: sortedBy(jsonArrayFrom(applications), 'applicationId').map((installation) =>
      installedApplicationViewOf(installation, installation),
    ),
    revision,
    createdAt,
    updatedAt,
    discarded,
  };
}

/** In code-unit order of `key`, as the ASCII-binary ids sort in the database. */
function sortedBy<Item extends Record<Key, string>, Key extends string>(
  items: Item[],
  key: Key,
): Item[] {
  return items.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}
