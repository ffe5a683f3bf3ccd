import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Patch,
  Post,
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
import { DiscardApplicationCommand } from '../../application/commands/discard-application/discard-application.command';
import { ModifyApplicationCommand } from '../../application/commands/modify-application/modify-application.command';
import { RegisterApplicationCommand } from '../../application/commands/register-application/register-application.command';
import { ApplicationView, applicationViewOf } from '../../application/queries/application.view';
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
 * results into responses. No rule lives here. A write answers with the application as its
 * command committed it, shown by the read side's applicationViewOf exactly as a GET shows it;
 * the route decorators add its ETag.
 */
@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @WriteRoute({
    summary: 'Register an application in the catalogue',
    created: { type: ApplicationResponse, location: 'URL of the new application' },
    problems: [400, 409, 413, 415],
  })
  async register(@Body() body: RegisterApplicationRequest): Promise<Answer<ApplicationView>> {
    const { id, aggregate } = await this.commandBus.execute(
      new RegisterApplicationCommand(body.name, body.version, body.architecture),
    );
    return Answer.created(applicationViewOf(aggregate), `${BASE_PATH}/${id}`);
  }

  @Get(':id')
  @ReadRoute({
    summary: 'Read one application (discarded ones included)',
    ok: ApplicationResponse,
    problems: [400, 404],
  })
  read(@IdParam('id', 'Application id') id: string): Promise<ApplicationView> {
    return this.queryBus.execute(new GetApplicationQuery(id));
  }

  @Get()
  @ListRoute({
    summary: 'List applications (discarded ones only when `discarded` is filtered)',
    page: ApplicationPageResponse,
    schema: APPLICATION_LIST_SCHEMA,
    csvHeaders: APPLICATION_CSV_COLUMNS.map(({ header }) => header),
  })
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
  @WriteRoute({
    summary: 'Change name, version and/or architecture',
    ok: ApplicationResponse,
    problems: [400, 404, 409, 412, 413, 415],
  })
  async modify(
    @IdParam('id', 'Application id') id: string,
    @Body() body: ModifyApplicationRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<ApplicationView> {
    const { aggregate } = await this.commandBus.execute(
      new ModifyApplicationCommand(id, body, expectedRevision),
    );
    return applicationViewOf(aggregate);
  }

  @Delete(':id')
  @WriteRoute({
    summary: 'Discard (soft-delete) an application; servers uninstall it',
    noContent: true,
    problems: [400, 404, 409, 412],
  })
  discard(
    @IdParam('id', 'Application id') id: string,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<CommandAcknowledgement> {
    return this.commandBus.execute(new DiscardApplicationCommand(id, expectedRevision));
  }
}
