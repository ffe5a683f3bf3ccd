import { DomainEvent } from '@servertree/ddd';

/** The audit trail of reveals: the event's actor says who read the password, its time when. */
export class CredentialRevealed extends DomainEvent<{ readonly credentialId: string }> {}
