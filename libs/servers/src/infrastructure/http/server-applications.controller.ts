import { Body, Controller, Delete, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandAcknowledgement } from '@servertree/ddd';
import { Answer, ExpectedRevision, IdParam, WriteRoute } from '@servertree/platform';
import { InstallApplicationCommand } from '../../application/commands/install-application/install-application.command';
import { UninstallApplicationCommand } from '../../application/commands/uninstall-application/uninstall-application.command';
import { ServerView } from '../../application/queries/server.view';
import { InstallApplicationRequest } from './dto/install-application.request';
import { ServerResponse } from './dto/server.response';
import { committedServer } from './server-reply';

/** The applications installed on a server: writes answer with the whole server. */
@ApiTags('servers')
@Controller('servers/:id/applications')
export class ServerApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':applicationId')
  @WriteRoute({
    summary: 'Install an application (201), or change where it is installed (200)',
    created: { type: ServerResponse, description: 'Installed' },
    ok: { type: ServerResponse, description: 'Already installed' },
    problems: [400, 404, 409, 412, 413, 415],
  })
  async install(
    @IdParam('id', 'Server id') id: string,
    @IdParam('applicationId', 'Application id (an existing, not discarded application)')
    applicationId: string,
    @Body() body: InstallApplicationRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<ServerView | Answer<ServerView>> {
    const written = await this.commandBus.execute(
      new InstallApplicationCommand(
        id,
        { applicationId, installDir: body.installDir, logDir: body.logDir },
        expectedRevision,
      ),
    );
    const server = await committedServer(this.queryBus, written);
    return written.outcome === 'installed' ? Answer.created(server) : server;
  }

  @Delete(':applicationId')
  @WriteRoute({
    summary: 'Uninstall an application',
    noContent: true,
    problems: [400, 404, 409, 412],
  })
  uninstall(
    @IdParam('id', 'Server id') id: string,
    @IdParam('applicationId', 'Application id') applicationId: string,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<CommandAcknowledgement> {
    return this.commandBus.execute(
      new UninstallApplicationCommand(id, applicationId, 'requested', expectedRevision),
    );
  }
}
