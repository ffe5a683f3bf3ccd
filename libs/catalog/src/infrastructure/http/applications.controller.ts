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
  ApiIdParam,
  ApiIfMatch,
  acceptsCsv,
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
import { DiscardApplicationCommand } from '../../application/commands/discard-application/discard-application.command';
import { ModifyApplicationCommand } from '../../application/commands/modify-application/modify-application.command';
import { RegisterApplicationCommand } from '../../application/commands/register-application/register-application.command';
import { ApplicationView } from '../../application/queries/application.view';
import { GetApplicationQuery } from '../../application/queries/get-application/get-application.query';
import {
  APPLICATION_LIST_SCHEMA,
  ListApplicationsQuery,
} from '../../application/queries/list-applications/list-applications.query';
import { ExportApplicationsQuery } from '../../application/queries/export-applications/export-applications.query';
import { APPLICATION_CSV_COLUMNS } from './application-csv.columns';
import { ApplicationPageResponse } from './dto/application-page.response';
import { ApplicationResponse } from './dto/application.response';
import { ModifyApplicationRequest } from './dto/modify-application.request';
import { RegisterApplicationRequest } from './dto/register-application.request';

const BASE_PATH = '/api/v1/applications';

/**
 * HTTP adapter of the catalogue: translates requests into commands and queries, and their
 * results into responses. No rule lives here. A write answers with the application as it now
 * stands, read back through the query side.
 */
@ApiTags('applications')
@ApiProblems(401, 403)
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Register an application in the catalogue' })
  @ApiCreatedResponse({
    type: ApplicationResponse,
    headers: {
      ...ETAG_HEADER,
      Location: { description: 'URL of the new application', schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 409, 413, 415)
  async register(
    @Body() body: RegisterApplicationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const { id } = await this.commandBus.execute(
      new RegisterApplicationCommand(body.name, body.version, body.architecture),
    );
    reply.header('Location', `${BASE_PATH}/${id}`);
    return this.current(id, reply);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one application (discarded ones included)' })
  @ApiIdParam('id', 'Application id')
  @ApiOkResponse({ type: ApplicationResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404)
  read(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    return this.current(id, reply);
  }

  @Get()
  @ApiOperation({ summary: 'List applications (discarded ones only when `discarded` is filtered)' })
  @ApiListQuery(APPLICATION_LIST_SCHEMA)
  @ApiListResponse(ApplicationPageResponse, APPLICATION_CSV_COLUMNS.map(({ header }) => header))
  async list(
    @Query() query: QueryParams,
    @Headers('accept') accept: string | undefined,
  ): Promise<ApplicationPageResponse | StreamableFile> {
    const criteria = parseListQuery(query, APPLICATION_LIST_SCHEMA);
    if (acceptsCsv(accept)) {
      const pages = await this.queryBus.execute(new ExportApplicationsQuery(criteria));
      return csvExport('applications.csv', APPLICATION_CSV_COLUMNS, pages);
    }
    const page = await this.queryBus.execute(new ListApplicationsQuery(criteria));
    return withPageLinks(page, BASE_PATH, query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, version and/or architecture' })
  @ApiIdParam('id', 'Application id')
  @ApiIfMatch()
  @ApiOkResponse({ type: ApplicationResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async modify(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ModifyApplicationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    await this.commandBus.execute(
      new ModifyApplicationCommand(id, body, expectedRevisionFrom(ifMatch)),
    );
    return this.current(id, reply);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard (soft-delete) an application; servers uninstall it' })
  @ApiIdParam('id', 'Application id')
  @ApiIfMatch()
  @ApiNoContentResponse({ headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async discard(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { revision } = await this.commandBus.execute(
      new DiscardApplicationCommand(id, expectedRevisionFrom(ifMatch)),
    );
    reply.header('ETag', etagOf(revision));
  }

  private async current(id: string, reply: FastifyReply): Promise<ApplicationView> {
    const view = await this.queryBus.execute(new GetApplicationQuery(id));
    reply.header('ETag', etagOf(view.revision));
    return view;
  }
}
