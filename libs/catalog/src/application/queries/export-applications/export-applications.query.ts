import { Query } from '@nestjs/cqrs';
import { ListCriteria } from '@servertree/ddd';
import { ApplicationView } from '../application.view';

/**
 * Every application a list's criteria match, in their ordering, limit and offset ignored,
 * page after page as they are read (an export streams them out).
 */
export class ExportApplicationsQuery extends Query<AsyncIterable<readonly ApplicationView[]>> {
  constructor(readonly criteria: ListCriteria) {
    super();
  }
}
