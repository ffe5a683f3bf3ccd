import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

export class RemoveCredentialCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly credentialId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
