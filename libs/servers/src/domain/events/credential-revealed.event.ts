import { DomainEvent } from '@servertree/ddd';

export interface CredentialRevealedData {
  readonly credentialId: string;
}

/** The audit trail of reveals: the event's actor says who read the password, its time when. */
export class CredentialRevealed extends DomainEvent<CredentialRevealedData> {
  static readonly type = 'server.server.credential_revealed';
  readonly type = CredentialRevealed.type;
}
