import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@servertree/ddd';
import type { CloudEvent } from '../../contracts/cloud-event';

/** One page of an aggregate's history (GET /applications/{id}/events, GET /servers/{id}/events). */
export class GetEventHistoryQuery extends Query<Page<CloudEvent>> {
  /** @param aggregateType as the aggregate's repository stores it, e.g. `application`. */
  constructor(
    readonly aggregateType: string,
    readonly aggregateId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
