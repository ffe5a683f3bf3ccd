import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { ServerRegistration } from '../../../domain/server.aggregate';

/** Registers every server or none. */
export class BulkRegisterServersCommand extends Command<CommandAcknowledgement[]> {
  constructor(readonly registrations: readonly ServerRegistration[]) {
    super();
  }
}
