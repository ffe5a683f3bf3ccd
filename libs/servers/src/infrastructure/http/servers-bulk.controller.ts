import { Body, Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ServerAcknowledgement } from '../../application/commands/server-acknowledgement';
import { ApiProblems, Idempotent } from '@servertree/platform';
import { BulkDiscardServersCommand } from '../../application/commands/bulk-discard-servers/bulk-discard-servers.command';
import { BulkModifyServersCommand } from '../../application/commands/bulk-modify-servers/bulk-modify-servers.command';
import { BulkRegisterServersCommand } from '../../application/commands/bulk-register-servers/bulk-register-servers.command';
import { CommittedServersQuery } from '../../application/queries/committed-servers/committed-servers.query';
import {
  BulkDiscardServersRequest,
  BulkModifyServersRequest,
  BulkRegisterServersRequest,
} from './dto/bulk-servers.request';
import { ServerListResponse } from './dto/server-list.response';

const ALL_OR_NOTHING =
  'At most 1,000 items, all or nothing: if any item is invalid (400), unknown (404), discarded or duplicated (409) or stale (412), nothing is written or published, and `errors[]` names every failing item (`items[3].name`, `ids[2]`). One event per changed server.';

/** Many servers in one command and one transaction (SPEC §3.1). */
@ApiTags('servers')
@ApiProblems(401, 403)
@Controller('servers/bulk')
export class ServersBulkController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Register many servers', description: ALL_OR_NOTHING })
  @ApiCreatedResponse({ type: ServerListResponse })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async register(@Body() body: BulkRegisterServersRequest): Promise<ServerListResponse> {
    return this.answer(await this.commandBus.execute(new BulkRegisterServersCommand(body.items)));
  }

  @Patch()
  @ApiOperation({ summary: 'Modify many servers', description: ALL_OR_NOTHING })
  @ApiOkResponse({ type: ServerListResponse })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async modify(@Body() body: BulkModifyServersRequest): Promise<ServerListResponse> {
    return this.answer(await this.commandBus.execute(new BulkModifyServersCommand(body.items)));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard many servers', description: ALL_OR_NOTHING })
  @ApiNoContentResponse()
  @ApiProblems(400, 404, 409, 413, 415)
  async discard(@Body() body: BulkDiscardServersRequest): Promise<void> {
    await this.commandBus.execute(new BulkDiscardServersCommand(body.ids));
  }

  private async answer(written: ServerAcknowledgement[]): Promise<ServerListResponse> {
    return { items: await this.queryBus.execute(new CommittedServersQuery(written)) };
  }
}
