import { Command } from '@nestjs/cqrs';
import { AggregateAcknowledgement } from '@servertree/ddd';
import { Application, ApplicationDetails } from '../../../domain/application.aggregate';

export class ModifyApplicationCommand extends Command<AggregateAcknowledgement<Application>> {
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
