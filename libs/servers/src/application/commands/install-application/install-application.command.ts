import { Command } from '@nestjs/cqrs';
import { ServerAcknowledgement } from '../server-acknowledgement';
import { InstallOutcome } from '../../../domain/server.aggregate';
import { InstallationDetails } from '../../../domain/installations/installed-application.value-object';

export interface InstallAcknowledgement extends ServerAcknowledgement {
  readonly outcome: InstallOutcome;
}

export class InstallApplicationCommand extends Command<InstallAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly installation: InstallationDetails,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
