import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BatchFailures, Clock, requireInteger, RevisionMismatchError } from '@servertree/ddd';
import { requireServerBatch } from '../../../domain/server-batch';
import { ServerRepository } from '../../../domain/server.repository.port';
import { loadServerBatch } from '../load-server-batch';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { refuseDuplicateNames } from '../unique-server-names';
import { BulkModifyServersCommand, ServerModification } from './bulk-modify-servers.command';

/**
 * All or nothing: every server is loaded (one read per table) and modified in memory, and
 * every unknown, discarded, stale or invalid item is reported; only a clean batch is written.
 * Each row is updated with `WHERE revision = loaded`, so a single write that slips in
 * meanwhile makes the whole batch fail with 409 instead of being overwritten.
 */
@CommandHandler(BulkModifyServersCommand)
export class BulkModifyServersHandler implements ICommandHandler<BulkModifyServersCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: BulkModifyServersCommand): Promise<ServerAcknowledgement[]> {
    const items = requireServerBatch('items', command.modifications) as ServerModification[];
    const failures = new BatchFailures();
    const entries = await loadServerBatch(
      this.servers,
      items.map((item) => item.id),
      (index) => `items[${index}].id`,
      failures,
    );
    const at = this.clock.now();
    for (const { index, server } of entries) {
      const { id: _, revision, ...changes } = items[index];
      const item = `items[${index}]`;
      failures.attempt(
        item,
        () => {
          if (revision !== undefined) {
            const expected = requireInteger('revision', revision, 1, Number.MAX_SAFE_INTEGER);
            if (expected !== server.revision) {
              throw new RevisionMismatchError(expected, server.revision);
            }
          }
          server.modify(changes, at);
        },
        revision !== undefined && revision !== server.revision ? `${item}.revision` : `${item}.id`,
      );
    }
    await refuseDuplicateNames(entries, this.servers, failures);
    failures.throwIfAny();
    await this.servers.saveAll(entries.map(({ server }) => server));
    return entries.map(({ server }) => acknowledgeServer(server));
  }
}
