import { DomainEvent } from '@servertree/ddd';

export interface CredentialRemovedData {
  readonly credentialId: string;
}

export class CredentialRemoved extends DomainEvent<CredentialRemovedData> {
  static readonly type = 'server.server.credential_removed';
  readonly type = CredentialRemoved.type;
}
