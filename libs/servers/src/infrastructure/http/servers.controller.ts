import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  acceptsCsv,
  ApiIdParam,
  ApiIfMatch,
  ApiListQuery,
  ApiListResponse,
  csvExport,
  ApiProblems,
  ETAG_HEADER,
  etagOf,
  expectedRevisionFrom,
  Idempotent,
  parseListQuery,
  QueryParams,
  UuidParamPipe,
  withPageLinks,
} from '@servertree/platform';
import { FastifyReply } from 'fastify';
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
import { replyWithServer, SERVERS_PATH } from './server-reply';

/**
 * HTTP adapter of the server itself: translates requests into commands and queries, and
 * their results into responses. No rule lives here.
 */
@ApiTags('servers')
@ApiProblems(401, 403)
@Controller('servers')
export class ServersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Register a server, optionally with credentials and applications (all or nothing)',
  })
  @ApiCreatedResponse({
    type: ServerResponse,
    headers: {
      ...ETAG_HEADER,
      Location: { description: 'URL of the new server', schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async register(
    @Body() body: RegisterServerRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    const { id } = await this.commandBus.execute(new RegisterServerCommand(body));
    reply.header('Location', `${SERVERS_PATH}/${id}`);
    return replyWithServer(this.queryBus, id, reply);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one server (discarded ones included)' })
  @ApiIdParam('id', 'Server id')
  @ApiOkResponse({ type: ServerResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404)
  read(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    return replyWithServer(this.queryBus, id, reply);
  }

  @Get()
  @ApiOperation({ summary: 'List servers (discarded ones only when `discarded` is filtered)' })
  @ApiListQuery(SERVER_LIST_SCHEMA)
  @ApiListResponse(ServerPageResponse, SERVER_CSV_COLUMNS.map(({ header }) => header))
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
  @ApiOperation({ summary: 'Change name, sizes, environment and/or operating system' })
  @ApiIdParam('id', 'Server id')
  @ApiIfMatch()
  @ApiOkResponse({ type: ServerResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async modify(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ModifyServerRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    await this.commandBus.execute(new ModifyServerCommand(id, body, expectedRevisionFrom(ifMatch)));
    return replyWithServer(this.queryBus, id, reply);
  }

  @Put(':id/status')
  @ApiOperation({ summary: 'Set the status: running, stopped, error or unknown' })
  @ApiIdParam('id', 'Server id')
  @ApiIfMatch()
  @ApiOkResponse({ type: ServerResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async changeStatus(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ChangeStatusRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    await this.commandBus.execute(
      new ChangeServerStatusCommand(id, body.status, expectedRevisionFrom(ifMatch)),
    );
    return replyWithServer(this.queryBus, id, reply);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard (soft-delete) a server; it stays readable by id' })
  @ApiIdParam('id', 'Server id')
  @ApiIfMatch()
  @ApiNoContentResponse({ headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async discard(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { revision } = await this.commandBus.execute(
      new DiscardServerCommand(id, expectedRevisionFrom(ifMatch)),
    );
    reply.header('ETag', etagOf(revision));
  }
}
