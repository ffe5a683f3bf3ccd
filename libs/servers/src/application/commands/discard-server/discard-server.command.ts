import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

export class DiscardServerCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
