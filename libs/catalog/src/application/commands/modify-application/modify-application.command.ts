import { Command } from '@nestjs/cqrs';
import { ApplicationDetails } from '../../../domain/application.aggregate';
import { ApplicationAcknowledgement } from '../application-acknowledgement';

export class ModifyApplicationCommand extends Command<ApplicationAcknowledgement> {
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
