import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

export class DiscardApplicationCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly applicationId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
