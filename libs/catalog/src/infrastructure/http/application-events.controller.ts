import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdParam, ApiProblems, QueryParams, UuidParamPipe } from '@servertree/platform';
import { ApiEventHistory, EventPageResponse, readEventHistory } from '@servertree/messaging';

/** An application's history: its stored events, exactly as they were published. */
@ApiTags('applications')
@ApiProblems(401, 403)
@Controller('applications')
export class ApplicationEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/events')
  @ApiOperation({ summary: "The application's events (CloudEvents), oldest first, paged" })
  @ApiIdParam('id', 'Application id')
  @ApiEventHistory()
  history(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: QueryParams,
  ): Promise<EventPageResponse> {
    return readEventHistory(this.queryBus, 'application', id, query, `/api/v1/applications/${id}`);
  }
}
