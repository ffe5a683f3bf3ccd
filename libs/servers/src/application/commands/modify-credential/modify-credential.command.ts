import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { CredentialDetails } from '../../../domain/credentials/credential.entity';

export class ModifyCredentialCommand extends Command<CommandAcknowledgement> {
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
