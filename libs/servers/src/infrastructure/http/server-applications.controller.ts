import { Body, Controller, Delete, Headers, HttpCode, Param, Put, Res } from '@nestjs/common';
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
  ApiProblems,
  ETAG_HEADER,
  etagOf,
  expectedRevisionFrom,
  UuidParamPipe,
} from '@servertree/platform';
import { FastifyReply } from 'fastify';
import { InstallApplicationCommand } from '../../application/commands/install-application/install-application.command';
import { UninstallApplicationCommand } from '../../application/commands/uninstall-application/uninstall-application.command';
import { ServerView } from '../../application/queries/server.view';
import { InstallApplicationRequest } from './dto/install-application.request';
import { ServerResponse } from './dto/server.response';
import { replyWithServer } from './server-reply';

/** The applications installed on a server: writes answer with the whole server. */
@ApiTags('servers')
@ApiProblems(401, 403)
@Controller('servers/:id/applications')
export class ServerApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':applicationId')
  @ApiOperation({
    summary: 'Install an application (201), or change where it is installed (200)',
  })
  @ApiIdParam('id', 'Server id')
  @ApiIdParam('applicationId', 'Application id (an existing, not discarded application)')
  @ApiIfMatch()
  @ApiCreatedResponse({ type: ServerResponse, headers: ETAG_HEADER, description: 'Installed' })
  @ApiOkResponse({ type: ServerResponse, headers: ETAG_HEADER, description: 'Already installed' })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async install(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('applicationId', new UuidParamPipe('applicationId')) applicationId: string,
    @Body() body: InstallApplicationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    const { outcome } = await this.commandBus.execute(
      new InstallApplicationCommand(
        id,
        { applicationId, installDir: body.installDir, logDir: body.logDir },
        expectedRevisionFrom(ifMatch),
      ),
    );
    reply.status(outcome === 'installed' ? 201 : 200);
    return replyWithServer(this.queryBus, id, reply);
  }

  @Delete(':applicationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Uninstall an application' })
  @ApiIdParam('id', 'Server id')
  @ApiIdParam('applicationId', 'Application id')
  @ApiIfMatch()
  @ApiNoContentResponse({ headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async uninstall(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('applicationId', new UuidParamPipe('applicationId')) applicationId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { revision } = await this.commandBus.execute(
      new UninstallApplicationCommand(
        id,
        applicationId,
        'requested',
        expectedRevisionFrom(ifMatch),
      ),
    );
    reply.header('ETag', etagOf(revision));
  }
}
