import { DomainEvent } from '@servertree/shared-kernel/domain';

export interface CredentialRemovedData {
  readonly credentialId: string;
}

export class CredentialRemoved extends DomainEvent<CredentialRemovedData> {
  static readonly type = 'server.server.credential_removed';
  readonly type = CredentialRemoved.type;
}
