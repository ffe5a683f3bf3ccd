import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CloudEvent } from '@servertree/messaging';
import { IntegrationEventConsumer, IntegrationEventHandler } from '@servertree/messaging';
import { UninstallApplicationCommand } from '../../application/commands/uninstall-application/uninstall-application.command';
import { ListServersWithApplicationQuery } from '../../application/queries/list-servers-with-application/list-servers-with-application.query';

/**
 * The routing key as SPEC §4 publishes it. Spelt here rather than imported: the servers module
 * depends on the catalogue's published contract, exactly like any other subscriber would.
 */
const APPLICATION_DISCARDED = 'server.application.discarded';

/**
 * Eventual consistency between the aggregates: once the catalogue has discarded an application,
 * every server that has it installed uninstalls it, each in a command - a transaction and an
 * event - of its own. It reacts to the stored, published event (outbox, broker, its own queue),
 * so a crash or a broker outage delays the reaction but never loses it.
 *
 * `per-command`: one transaction over every server lost, on a Galera cluster, to the writes
 * going on on those servers through other nodes, attempt after attempt until dead-lettered.
 * Each uninstall now commits, and is retried on a conflict, alone; the inbox row follows the
 * last. A redelivery after a partial run finds only the servers still to do: the others no
 * longer have the application, and an `application_discarded` uninstall of an application
 * that is not installed changes nothing. The dispatcher gives the uninstall events the
 * discard's correlation id, actor and trace.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'servers.application-discarded',
  routingKeys: [APPLICATION_DISCARDED],
  transactions: 'per-command',
})
export class ApplicationDiscardedConsumer implements IntegrationEventHandler {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  async handle(event: CloudEvent): Promise<void> {
    const applicationId = event.subject;
    const serverIds = await this.queryBus.execute(
      new ListServersWithApplicationQuery(applicationId),
    );
    for (const serverId of serverIds) {
      await this.commandBus.execute(
        new UninstallApplicationCommand(serverId, applicationId, 'application_discarded'),
      );
    }
  }
}
