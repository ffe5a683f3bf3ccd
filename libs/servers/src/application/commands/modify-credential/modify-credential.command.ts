import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { CredentialDetails } from '../../../domain/credentials/credential.entity';

export class ModifyCredentialCommand extends Command<ServerAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly credentialId: string,
    /** Only the fields to change; a password given replaces the stored one. */
    readonly changes: Partial<CredentialDetails>,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
