import { DomainEvent } from '@servertree/ddd';
import type { ApplicationDescription } from '../application-description';

/** The description before and after the change; they differ in at least one field. */
export class ApplicationModified extends DomainEvent<{
  readonly before: ApplicationDescription;
  readonly after: ApplicationDescription;
}> {}
