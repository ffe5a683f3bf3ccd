import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { ServerRegistration } from '../../../domain/server.aggregate';

export class RegisterServerCommand extends Command<ServerAcknowledgement> {
  constructor(readonly registration: ServerRegistration) {
    super();
  }
}
