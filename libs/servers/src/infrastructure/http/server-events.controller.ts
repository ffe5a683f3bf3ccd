import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IdParam, QueryParams } from '@servertree/platform';
import { ApiEventHistory, EventPageResponse, readEventHistory } from '@servertree/messaging';
import { SERVERS_PATH } from './server-reply';

/** A server's history: its stored events, exactly as they were published. */
@ApiTags('servers')
@Controller('servers')
export class ServerEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/events')
  @ApiEventHistory("The server's events (CloudEvents), oldest first, paged")
  history(
    @IdParam('id', 'Server id') id: string,
    @Query() query: QueryParams,
  ): Promise<EventPageResponse> {
    return readEventHistory(this.queryBus, 'server', id, query, `${SERVERS_PATH}/${id}`);
  }
}
