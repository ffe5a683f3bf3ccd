import { DomainEvent } from '@servertree/ddd';
import type { Credential } from '../credentials/credential.entity';

/** The credential before and after; a replaced password is told by `passwordReplaced` alone. */
export class CredentialModified extends DomainEvent<{
  readonly before: Credential;
  readonly after: Credential;
  readonly passwordReplaced: boolean;
}> {}
