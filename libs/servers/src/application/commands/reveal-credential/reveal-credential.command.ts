import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { Password } from '../../../domain/credentials/password';

/** The password stays a Password up to the HTTP edge, so nothing on the way can print it. */
export interface RevealedPassword extends CommandAcknowledgement {
  readonly password: Password;
}

/** A command, not a query: every reveal is recorded, which is a change of the server. */
export class RevealCredentialCommand extends Command<RevealedPassword> {
  constructor(
    readonly serverId: string,
    readonly credentialId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
