import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

export class RegisterApplicationCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly name: unknown,
    readonly version: unknown,
    readonly architecture: unknown,
  ) {
    super();
  }
}
