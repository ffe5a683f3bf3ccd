import { Query } from '@nestjs/cqrs';
import { ListCriteria } from '@servertree/ddd';
import { ServerSummary } from '../server.view';

/**
 * Every server a list's criteria match, in their ordering, limit and offset ignored, page
 * after page as they are read (an export streams them out).
 */
export class ExportServersQuery extends Query<AsyncIterable<readonly ServerSummary[]>> {
  constructor(readonly criteria: ListCriteria) {
    super();
  }
}
