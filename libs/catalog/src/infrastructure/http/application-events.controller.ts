import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryParams } from '@servertree/shared-kernel/application/list/query-params';
import {
  ApiIdParam,
  ApiProblems,
} from '@servertree/shared-kernel/infrastructure/http/api-docs.decorators';
import { UuidParamPipe } from '@servertree/shared-kernel/infrastructure/http/uuid-param.pipe';
import { ApiEventHistory } from '@servertree/shared-kernel/infrastructure/messaging/history/api-event-history.decorator';
import { readEventHistory } from '@servertree/shared-kernel/infrastructure/messaging/history/read-event-history';
import { EventPageResponse } from '@servertree/shared-kernel/infrastructure/messaging/history/event-page.response';

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
