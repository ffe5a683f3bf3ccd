import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { ServerDetails } from '../../../domain/server-profile.value-object';

/** One server's change in a bulk modification. */
export interface ServerModification extends Partial<ServerDetails> {
  readonly id: unknown;
  /** Like If-Match: the change applies only to this revision. */
  readonly revision?: unknown;
}

/** Modifies every listed server or none. */
export class BulkModifyServersCommand extends Command<ServerAcknowledgement[]> {
  constructor(readonly modifications: readonly ServerModification[]) {
    super();
  }
}
