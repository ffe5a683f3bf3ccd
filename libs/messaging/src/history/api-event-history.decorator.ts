import { ListRoute } from '@servertree/platform';
import { EventPageResponse } from './event-page.response';

/** Documents a `GET /<resources>/{id}/events` endpoint: its paging and its answers. */
export function ApiEventHistory(summary: string): MethodDecorator {
  return ListRoute({
    summary,
    page: EventPageResponse,
    description: 'Oldest first (revision order)',
    problems: [404],
  });
}
