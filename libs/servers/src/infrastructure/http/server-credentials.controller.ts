import { Body, Controller, Delete, Header, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandAcknowledgement } from '@servertree/ddd';
import {
  Answer,
  ExpectedRevision,
  IdParam,
  Idempotent,
  RequiresRole,
  WriteRoute,
} from '@servertree/platform';
import { AddCredentialCommand } from '../../application/commands/add-credential/add-credential.command';
import { ModifyCredentialCommand } from '../../application/commands/modify-credential/modify-credential.command';
import { RemoveCredentialCommand } from '../../application/commands/remove-credential/remove-credential.command';
import { RevealCredentialCommand } from '../../application/commands/reveal-credential/reveal-credential.command';
import { ServerView } from '../../application/queries/server.view';
import { AddCredentialRequest } from './dto/add-credential.request';
import { ModifyCredentialRequest } from './dto/modify-credential.request';
import { RevealedPasswordResponse } from './dto/revealed-password.response';
import { ServerResponse } from './dto/server.response';
import { committedServer, SERVERS_PATH } from './server-reply';

/** A server's credentials, changed through the server: writes answer with the whole server. */
@ApiTags('servers')
@Controller('servers/:id/credentials')
export class ServerCredentialsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @WriteRoute({
    summary: 'Add a credential (at most one per connection type and username)',
    created: { type: ServerResponse, location: 'URL of the new credential' },
    problems: [400, 404, 409, 412, 413, 415],
  })
  async add(
    @IdParam('id', 'Server id') id: string,
    @Body() body: AddCredentialRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<Answer<ServerView>> {
    const written = await this.commandBus.execute(
      new AddCredentialCommand(id, body, expectedRevision),
    );
    return Answer.created(
      await committedServer(this.queryBus, written),
      `${SERVERS_PATH}/${id}/credentials/${written.credentialId}`,
    );
  }

  @Patch(':credentialId')
  @WriteRoute({
    summary: 'Change a credential; a password given replaces the stored one',
    ok: ServerResponse,
    problems: [400, 404, 409, 412, 413, 415],
  })
  async modify(
    @IdParam('id', 'Server id') id: string,
    @IdParam('credentialId', 'Credential id') credentialId: string,
    @Body() body: ModifyCredentialRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<ServerView> {
    const written = await this.commandBus.execute(
      new ModifyCredentialCommand(id, credentialId, body, expectedRevision),
    );
    return committedServer(this.queryBus, written);
  }

  @Delete(':credentialId')
  @WriteRoute({ summary: 'Remove a credential', noContent: true, problems: [400, 404, 409, 412] })
  remove(
    @IdParam('id', 'Server id') id: string,
    @IdParam('credentialId', 'Credential id') credentialId: string,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<CommandAcknowledgement> {
    return this.commandBus.execute(new RemoveCredentialCommand(id, credentialId, expectedRevision));
  }

  /**
   * The one way to read a password. Admins only, recorded as `credential_revealed`, and not
   * @Idempotent on purpose: its answer must never be stored for replays, and a repeated
   * reveal is revealed, and recorded, again.
   */
  @Post(':credentialId/reveal')
  @RequiresRole('admin')
  @Header('Cache-Control', 'no-store')
  @WriteRoute({
    summary: 'Reveal the password (admin; recorded as credential_revealed)',
    ok: RevealedPasswordResponse,
    problems: [400, 404, 409, 412],
  })
  async reveal(
    @IdParam('id', 'Server id') id: string,
    @IdParam('credentialId', 'Credential id') credentialId: string,
    @ExpectedRevision() expectedRevision: number | undefined,
  ): Promise<Answer<RevealedPasswordResponse>> {
    const { revision, password } = await this.commandBus.execute(
      new RevealCredentialCommand(id, credentialId, expectedRevision),
    );
    return Answer.tagged({ password: password.plaintext() }, revision);
  }
}
