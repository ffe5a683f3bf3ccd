import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { ServerDetails } from '../../../domain/server-profile.value-object';

export class ModifyServerCommand extends Command<ServerAcknowledgement> {
  constructor(
    readonly serverId: string,
    /** Only the fields to change; absent fields keep their value, null clears an optional one. */
    readonly changes: Partial<ServerDetails>,
    /** From If-Match: the change applies only to this revision. */
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
