import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { ServerRegistration } from '../../../domain/server.aggregate';

/** Registers every server or none. */
export class BulkRegisterServersCommand extends Command<ServerAcknowledgement[]> {
  constructor(readonly registrations: readonly ServerRegistration[]) {
    super();
  }
}
