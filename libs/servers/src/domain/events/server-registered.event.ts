import { DomainEvent } from '@servertree/ddd';
import type { Credential } from '../credentials/credential.entity';
import type { LabelledInstallation } from '../installations/application-catalogue';
import type { ServerProfile } from '../server-profile.value-object';
import type { ServerStatus } from '../server-status.value-object';

/** A new server with everything it came with; the event's revision and time are its own. */
export class ServerRegistered extends DomainEvent<{
  readonly profile: ServerProfile;
  readonly status: ServerStatus;
  readonly credentials: readonly Credential[];
  /** In application id order, each with what the catalogue calls it. */
  readonly applications: readonly LabelledInstallation[];
}> {}
