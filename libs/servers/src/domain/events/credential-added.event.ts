import { DomainEvent } from '@servertree/ddd';
import { CredentialSnapshot } from '../credentials/credential.snapshot';

/** Carries the credential as the API shows it: never its password. */
export class CredentialAdded extends DomainEvent<CredentialSnapshot> {
  static readonly type = 'server.server.credential_added';
  readonly type = CredentialAdded.type;
}
