import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';

/** Discards every listed server or none. */
export class BulkDiscardServersCommand extends Command<CommandAcknowledgement[]> {
  constructor(readonly serverIds: readonly unknown[]) {
    super();
  }
}
