import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { InstallOutcome } from '../../../domain/server.aggregate';
import { InstallationDetails } from '../../../domain/installations/installed-application.value-object';

export interface InstallAcknowledgement extends CommandAcknowledgement {
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
