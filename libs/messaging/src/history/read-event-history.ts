import { QueryBus } from '@nestjs/cqrs';
import { GetEventHistoryQuery } from './get-event-history/get-event-history.query';
import { parsePageQuery, QueryParams, withPageLinks } from '@servertree/platform';
import { EventPageResponse } from './event-page.response';

/**
 * The body of every `GET /<resources>/{id}/events`: one page of the aggregate's stored events,
 * with links to its neighbours. Controllers only say which aggregate and where it lives.
 */
export async function readEventHistory(
  queryBus: QueryBus,
  aggregateType: string,
  aggregateId: string,
  query: QueryParams,
  resourcePath: string,
): Promise<EventPageResponse> {
  const page = await queryBus.execute(
    new GetEventHistoryQuery(aggregateType, aggregateId, parsePageQuery(query)),
  );
  return withPageLinks(page, `${resourcePath}/events`, query);
}
