import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { ApplicationDetails } from '../../../domain/application.aggregate';

export class ModifyApplicationCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly applicationId: string,
    /** Only the fields to change; absent fields keep their value. */
    readonly changes: Partial<ApplicationDetails>,
    /** From If-Match: the change applies only to this revision. */
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
