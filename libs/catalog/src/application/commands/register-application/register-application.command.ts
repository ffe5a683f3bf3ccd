import { Command } from '@nestjs/cqrs';
import { ApplicationAcknowledgement } from '../application-acknowledgement';

export class RegisterApplicationCommand extends Command<ApplicationAcknowledgement> {
  constructor(
    readonly name: unknown,
    readonly version: unknown,
    readonly architecture: unknown,
  ) {
    super();
  }
}
