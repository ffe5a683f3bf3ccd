import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

export class ChangeServerStatusCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly status: unknown,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
