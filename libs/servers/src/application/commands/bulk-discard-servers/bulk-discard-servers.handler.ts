import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BatchFailures, Clock, CommandAcknowledgement } from '@servertree/ddd';
import { requireServerBatch } from '../../../domain/server-batch';
import { ServerRepository } from '../../../domain/server.repository.port';
import { loadServerBatch } from '../load-server-batch';
import { BulkDiscardServersCommand } from './bulk-discard-servers.command';

/** All or nothing: an unknown or already discarded id among them fails the whole batch. */
@CommandHandler(BulkDiscardServersCommand)
export class BulkDiscardServersHandler implements ICommandHandler<BulkDiscardServersCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: BulkDiscardServersCommand): Promise<CommandAcknowledgement[]> {
    const ids = requireServerBatch('ids', command.serverIds);
    const failures = new BatchFailures();
    const fieldOf = (index: number) => `ids[${index}]`;
    const entries = await loadServerBatch(this.servers, ids, fieldOf, failures);
    const at = this.clock.now();
    for (const { index, server } of entries) {
      failures.attempt(fieldOf(index), () => server.discard(at));
    }
    failures.throwIfAny();
    await this.servers.saveAll(entries.map(({ server }) => server));
    return entries.map(({ server: { id, revision } }) => ({ id, revision }));
  }
}
