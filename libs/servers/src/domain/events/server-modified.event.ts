import { DomainEvent } from '@servertree/ddd';
import type { ServerProfile } from '../server-profile.value-object';

/** The profile before and after the change; they differ in at least one field. */
export class ServerModified extends DomainEvent<{
  readonly before: ServerProfile;
  readonly after: ServerProfile;
}> {}
