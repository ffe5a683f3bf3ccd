import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdParam, ApiProblems, QueryParams, UuidParamPipe } from '@servertree/platform';
import { ApiEventHistory, EventPageResponse, readEventHistory } from '@servertree/messaging';
import { SERVERS_PATH } from './server-reply';

/** A server's history: its stored events, exactly as they were published. */
@ApiTags('servers')
@ApiProblems(401, 403)
@Controller('servers')
export class ServerEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/events')
  @ApiOperation({ summary: "The server's events (CloudEvents), oldest first, paged" })
  @ApiIdParam('id', 'Server id')
  @ApiEventHistory()
  history(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: QueryParams,
  ): Promise<EventPageResponse> {
    return readEventHistory(this.queryBus, 'server', id, query, `${SERVERS_PATH}/${id}`);
  }
}
