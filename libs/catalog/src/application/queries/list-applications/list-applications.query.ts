import { Query } from '@nestjs/cqrs';
import { ListCriteria, ListSchema, Page } from '@servertree/ddd';
import { ApplicationView } from '../application.view';

/** What a client may filter and sort applications by (SPEC §3). */
export const APPLICATION_LIST_SCHEMA: ListSchema = {
  id: { type: 'uuid' },
  name: { type: 'string' },
  version: { type: 'string' },
  architecture: { type: 'string' },
  revision: { type: 'integer' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  discarded: { type: 'boolean' },
};

export class ListApplicationsQuery extends Query<Page<ApplicationView>> {
  constructor(readonly criteria: ListCriteria) {
    super();
  }
}
