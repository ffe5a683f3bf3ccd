import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IdParam, QueryParams } from '@servertree/platform';
import { ApiEventHistory, EventPageResponse, readEventHistory } from '@servertree/messaging';

/** An application's history: its stored events, exactly as they were published. */
@ApiTags('applications')
@Controller('applications')
export class ApplicationEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/events')
  @ApiEventHistory("The application's events (CloudEvents), oldest first, paged")
  history(
    @IdParam('id', 'Application id') id: string,
    @Query() query: QueryParams,
  ): Promise<EventPageResponse> {
    return readEventHistory(this.queryBus, 'application', id, query, `/api/v1/applications/${id}`);
  }
}
