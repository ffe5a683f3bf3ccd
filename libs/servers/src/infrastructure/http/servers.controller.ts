import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandAcknowledgement } from '@servertree/ddd';
import {
  acceptsCsv,
  Answer,
  csvExport,
  ExpectedRevision,
  IdParam,
  Idempotent,
  ListRoute,
  parseListQuery,
  QueryParams,
  ReadRoute,
  withPageLinks,
  WriteRoute,
} from '@servertree/platform';
import { ChangeServerStatusCommand } from '../../application/commands/change-server-status/change-server-status.command';
import { DiscardServerCommand } from '../../application/commands/discard-server/discard-server.command';
import { ModifyServerCommand } from '../../application/commands/modify-server/modify-server.command';
import { RegisterServerCommand } from '../../application/commands/register-server/register-server.command';
import {
  ListServersQuery,
  SERVER_LIST_SCHEMA,
} from '../../application/queries/list-servers/list-servers.query';
import { ServerView } from '../../application/queries/server.view';
import { ExportServersQuery } from '../../application/queries/export-servers/export-servers.query';
import { SERVER_CSV_COLUMNS } from './server-csv.columns';
import { ChangeStatusRequest } from './dto/change-status.request';
import { ModifyServerRequest } from './dto/modify-server.request';
import { RegisterServerRequest } from './dto/register-server.request';
import { ServerPageResponse } from './dto/server-page.response';
import { ServerResponse } from './dto/server.response';
import { committedServer, currentServer, SERVERS_PATH } from './server-reply';

/**
 * HTTP adapter of the server itself: translates requests into commands and queries, and
 * their results into responses. No rule lives here.
 */
@ApiTags('servers')
@Controller('servers')
export class ServersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @WriteRoute({
    summary: 'Register a server, optionally with credentials and applications (all or nothing)',
    created: { type: ServerResponse, location: 'URL of the new server' },
    problems: [400, 404, 409, 413, 415],
  })
  async register(@Body() body: RegisterServerRequest): Promise<Answer<ServerView>> {
    const written = await this.commandBus.execute(new RegisterServerCommand(body));
    return Answer.created(
      await committedServer(this.queryBus, written),
      `${SERVERS_PATH}/${written.id}`,
    );
  }

  @Get(':id')
  @ReadRoute({
    summary: 'Read one server (discarded ones included)',
    ok: ServerResponse,
    problems: [400, 404],
  })
  read(@IdParam('id', 'Server id') id: string): Promise<ServerView> {
    return currentServer(this.queryBus, id);
  }

  @Get()
  @ListRoute({
    summary: 'List servers (discarded ones only when `discarded` is filtered)',
    page: ServerPageResponse,
    schema: SERVER_LIST_SCHEMA,
    csvHeaders: SERVER_CSV_COLUMNS.map(({ header }) => header),
  })
  async list(
    @Query() query: QueryParams,
    @Headers('accept') accept: string | undefined,
  ): Promise<ServerPageResponse | StreamableFile> {
    const criteria = parseListQuery(query, SERVER_LIST_SCHEMA);
    if (acceptsCsv(accept)) {
      const pages = await this.queryBus.execute(new ExportServersQuery(criteria));
      return csvExport('servers.csv', SERVER_CSV_COLUMNS, pages);
    }
    const page = await this.queryBus.execute(new ListServersQuery(criteria));
    return withPageLinks(page, SERVERS_PATH, query);
  }

  @Patch(':id')
  @WriteRoute({
    summary: 'Change name, sizes, environment and/or operating system',
    ok: ServerResponse,
    problems: [400, 404, 409, 412, 413, 415],
  })
  async modify(
    @IdParam('id', 'Server id') id: string,
    @Body() body: ModifyServerRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<ServerView> {
    const written = await this.commandBus.execute(
      new ModifyServerCommand(id, body, expectedRevision),
    );
    return committedServer(this.queryBus, written);
  }

  @Put(':id/status')
  @WriteRoute({
    summary: 'Set the status: running, stopped, error or unknown',
    ok: ServerResponse,
    problems: [400, 404, 409, 412, 413, 415],
  })
  async changeStatus(
    @IdParam('id', 'Server id') id: string,
    @Body() body: ChangeStatusRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<ServerView> {
    const written = await this.commandBus.execute(
      new ChangeServerStatusCommand(id, body.status, expectedRevision),
    );
    return committedServer(this.queryBus, written);
  }

  @Delete(':id')
  @WriteRoute({
    summary: 'Discard (soft-delete) a server; it stays readable by id',
    noContent: true,
    problems: [400, 404, 409, 412],
  })
  discard(
    @IdParam('id', 'Server id') id: string,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<CommandAcknowledgement> {
    return this.commandBus.execute(new DiscardServerCommand(id, expectedRevision));
  }
}
