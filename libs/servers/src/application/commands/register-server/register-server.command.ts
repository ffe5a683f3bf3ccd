import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/shared-kernel/application';
import { ServerRegistration } from '../../../domain/server.aggregate';

export class RegisterServerCommand extends Command<CommandAcknowledgement> {
  constructor(readonly registration: ServerRegistration) {
    super();
  }
}
