import { Changes, DomainEvent } from '@servertree/ddd';

export interface CredentialModifiedData {
  readonly credentialId: string;
  /** Only the fields that changed; a new password shows as `password: { changed: true }`. */
  readonly changes: Changes;
}

export class CredentialModified extends DomainEvent<CredentialModifiedData> {
  static readonly type = 'server.server.credential_modified';
  readonly type = CredentialModified.type;
}
