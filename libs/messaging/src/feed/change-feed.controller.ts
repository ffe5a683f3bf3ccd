import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, MAX_LIMIT, QueryParams } from '@servertree/platform';
import { FeedPageResponse } from './feed-page.response';
import { MAX_WAIT_SECONDS, parseFeedRequest } from './feed-request';
import { ReadChangeFeedQuery } from './read-change-feed/read-change-feed.query';

/** Every stored event of every aggregate, in the order they became visible (SPEC §6). */
@ApiTags('events')
@ApiProblems(400, 401, 403)
@Controller('events')
export class ChangeFeedController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The change feed: every event once, in commit order, from a cursor',
    description:
      'Start without `after`, then always send the `next` of the previous answer: every event ' +
      'is seen exactly once, also while writers commit concurrently and out of id order.',
  })
  @ApiQuery({ name: 'after', required: false, description: 'A `next` from an earlier answer' })
  @ApiQuery({ name: 'limit', required: false, schema: { minimum: 1, maximum: MAX_LIMIT } })
  @ApiQuery({
    name: 'type',
    required: false,
    description: 'AMQP topic pattern(s), e.g. `server.server.*` or `server.#`; repeat to OR',
  })
  @ApiQuery({
    name: 'wait',
    required: false,
    schema: { minimum: 0, maximum: MAX_WAIT_SECONDS, default: 0 },
    description: 'Seconds to hold an empty answer open until something arrives',
  })
  @ApiOkResponse({ type: FeedPageResponse })
  read(@Query() query: QueryParams): Promise<FeedPageResponse> {
    return this.queryBus.execute(new ReadChangeFeedQuery(parseFeedRequest(query)));
  }
}
