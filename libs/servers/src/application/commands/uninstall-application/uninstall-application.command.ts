import { Command } from '@nestjs/cqrs';
import { CommandAcknowledgement } from '@servertree/ddd';
import { UninstallReason } from '../../../domain/installations/uninstall-reason';

/**
 * Sent by the HTTP API (`requested`) and by the reaction to a discarded application
 * (`application_discarded`), for which an application already gone is no error.
 */
export class UninstallApplicationCommand extends Command<CommandAcknowledgement> {
  constructor(
    readonly serverId: string,
    readonly applicationId: string,
    readonly reason: UninstallReason,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
