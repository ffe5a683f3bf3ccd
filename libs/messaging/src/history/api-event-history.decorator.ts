import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { ApiProblems, DEFAULT_LIMIT, MAX_LIMIT } from '@servertree/platform';
import { EventPageResponse } from './event-page.response';

/** Documents a `GET /<resources>/{id}/events` endpoint: its paging and its answers. */
export function ApiEventHistory(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'offset',
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
    ApiOkResponse({ type: EventPageResponse, description: 'Oldest first (revision order)' }),
    ApiProblems(400, 404),
  );
}
