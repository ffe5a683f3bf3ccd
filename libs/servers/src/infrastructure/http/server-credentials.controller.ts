import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
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
  ApiProblems,
  ETAG_HEADER,
  etagOf,
  expectedRevisionFrom,
  Idempotent,
  RequiresRole,
  UuidParamPipe,
} from '@servertree/platform';
import { FastifyReply } from 'fastify';
import { AddCredentialCommand } from '../../application/commands/add-credential/add-credential.command';
import { ModifyCredentialCommand } from '../../application/commands/modify-credential/modify-credential.command';
import { RemoveCredentialCommand } from '../../application/commands/remove-credential/remove-credential.command';
import { RevealCredentialCommand } from '../../application/commands/reveal-credential/reveal-credential.command';
import { ServerView } from '../../application/queries/server.view';
import { AddCredentialRequest } from './dto/add-credential.request';
import { ModifyCredentialRequest } from './dto/modify-credential.request';
import { RevealedPasswordResponse } from './dto/revealed-password.response';
import { ServerResponse } from './dto/server.response';
import { replyWithServer, SERVERS_PATH } from './server-reply';

/** A server's credentials, changed through the server: writes answer with the whole server. */
@ApiTags('servers')
@ApiProblems(401, 403)
@Controller('servers/:id/credentials')
export class ServerCredentialsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a credential (at most one per connection type and username)' })
  @ApiIdParam('id', 'Server id')
  @ApiIfMatch()
  @ApiCreatedResponse({
    type: ServerResponse,
    headers: {
      ...ETAG_HEADER,
      Location: { description: 'URL of the new credential', schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 409, 412, 413, 415, 422)
  async add(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: AddCredentialRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    const { credentialId } = await this.commandBus.execute(
      new AddCredentialCommand(id, body, expectedRevisionFrom(ifMatch)),
    );
    reply.header('Location', `${SERVERS_PATH}/${id}/credentials/${credentialId}`);
    return replyWithServer(this.queryBus, id, reply);
  }

  @Patch(':credentialId')
  @ApiOperation({ summary: 'Change a credential; a password given replaces the stored one' })
  @ApiIdParam('id', 'Server id')
  @ApiIdParam('credentialId', 'Credential id')
  @ApiIfMatch()
  @ApiOkResponse({ type: ServerResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412, 413, 415)
  async modify(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('credentialId', new UuidParamPipe('credentialId')) credentialId: string,
    @Body() body: ModifyCredentialRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServerView> {
    await this.commandBus.execute(
      new ModifyCredentialCommand(id, credentialId, body, expectedRevisionFrom(ifMatch)),
    );
    return replyWithServer(this.queryBus, id, reply);
  }

  @Delete(':credentialId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a credential' })
  @ApiIdParam('id', 'Server id')
  @ApiIdParam('credentialId', 'Credential id')
  @ApiIfMatch()
  @ApiNoContentResponse({ headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async remove(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('credentialId', new UuidParamPipe('credentialId')) credentialId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { revision } = await this.commandBus.execute(
      new RemoveCredentialCommand(id, credentialId, expectedRevisionFrom(ifMatch)),
    );
    reply.header('ETag', etagOf(revision));
  }

  /**
   * The one way to read a password. Admins only, recorded as `credential_revealed`, and not
   * @Idempotent on purpose: its answer must never be stored for replays, and a repeated
   * reveal is revealed, and recorded, again.
   */
  @Post(':credentialId/reveal')
  @HttpCode(200)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Reveal the password (admin; recorded as credential_revealed)' })
  @ApiIdParam('id', 'Server id')
  @ApiIdParam('credentialId', 'Credential id')
  @ApiIfMatch()
  @ApiOkResponse({ type: RevealedPasswordResponse, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 409, 412)
  async reveal(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('credentialId', new UuidParamPipe('credentialId')) credentialId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RevealedPasswordResponse> {
    const { revision, password } = await this.commandBus.execute(
      new RevealCredentialCommand(id, credentialId, expectedRevisionFrom(ifMatch)),
    );
    reply.header('ETag', etagOf(revision)).header('Cache-Control', 'no-store');
    return { password: password.plaintext() };
  }
}
