import { Query } from '@nestjs/cqrs';
import { ListCriteria, ListSchema, Page } from '@servertree/ddd';
import { ServerView } from '../server.view';

/** What a client may filter and sort servers by (SPEC §3). */
export const SERVER_LIST_SCHEMA = {
  id: { type: 'uuid' },
  name: { type: 'string' },
  cpuCores: { type: 'integer' },
  ramMb: { type: 'integer' },
  diskGb: { type: 'integer' },
  environment: { type: 'string' },
  'operatingSystem.name': { type: 'string' },
  'operatingSystem.version': { type: 'string' },
  'operatingSystem.architecture': { type: 'string' },
  status: { type: 'string' },
  revision: { type: 'integer' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  discarded: { type: 'boolean' },
  /** Servers that have this application installed; a server has several, so no sorting. */
  applicationId: { type: 'uuid', sortable: false },
  /** Servers carrying this tag; a server has several, so no sorting. */
  tag: { type: 'string', sortable: false },
} as const satisfies ListSchema;

export class ListServersQuery extends Query<Page<ServerView>> {
  constructor(readonly criteria: ListCriteria) {
    super();
  }
}
