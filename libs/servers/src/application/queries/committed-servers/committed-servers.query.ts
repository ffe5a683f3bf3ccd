import { Query } from '@nestjs/cqrs';
import type { ServerAcknowledgement } from '../../commands/server-acknowledgement';
import { ServerView } from '../server.view';

/**
 * The servers as the commands that acknowledged them committed them, in the order given: what
 * a write answers. Built from the aggregates, not read back (ADR 4).
 */
export class CommittedServersQuery extends Query<ServerView[]> {
  constructor(readonly acknowledgements: readonly ServerAcknowledgement[]) {
    super();
  }
}
