import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { CredentialDetails } from '../../../domain/credentials/credential.entity';

/** Also names the new credential, for the Location of the answer. */
export interface CredentialAcknowledgement extends ServerAcknowledgement {
  readonly credentialId: string;
}

export class AddCredentialCommand extends Command<CredentialAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly details: CredentialDetails,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
