import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { ServerRegistration } from '../../../domain/server.aggregate';

export class RegisterServerCommand extends Command<CommandAcknowledgement> {
  constructor(readonly registration: ServerRegistration) {
    super();
  }
}
