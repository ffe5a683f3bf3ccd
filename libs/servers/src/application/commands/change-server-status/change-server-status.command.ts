import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';

export class ChangeServerStatusCommand extends Command<ServerAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly status: unknown,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
