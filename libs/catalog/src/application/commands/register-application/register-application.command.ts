import { Command } from '@nestjs/cqrs';
import { AggregateAcknowledgement } from '@servertree/ddd';
import { Application } from '../../../domain/application.aggregate';

export class RegisterApplicationCommand extends Command<AggregateAcknowledgement<Application>> {
  constructor(
    readonly name: unknown,
    readonly version: unknown,
    readonly architecture: unknown,
  ) {
    super();
  }
}
