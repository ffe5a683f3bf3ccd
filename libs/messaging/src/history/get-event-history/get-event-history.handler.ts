import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@servertree/ddd';
import type { Page } from '@servertree/ddd';
import type { CloudEvent } from '../../contracts/cloud-event';
import { EventHistory } from '../event-history.port';
import { GetEventHistoryQuery } from './get-event-history.query';

/** Discarded aggregates keep their history; only an id that never existed is a 404. */
@QueryHandler(GetEventHistoryQuery)
export class GetEventHistoryHandler implements IQueryHandler<GetEventHistoryQuery> {
  constructor(private readonly history: EventHistory) {}

  async execute(query: GetEventHistoryQuery): Promise<Page<CloudEvent>> {
    const page = await this.history.ofAggregate(query.aggregateType, query.aggregateId, query.page);
    if (page.total === 0) throw NotFoundError.aggregate(query.aggregateType, query.aggregateId);
    return page;
  }
}
