import { DomainEvent } from '@servertree/ddd';

export class CredentialRemoved extends DomainEvent<{ readonly credentialId: string }> {}
