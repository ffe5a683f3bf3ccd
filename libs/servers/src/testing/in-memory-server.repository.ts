import { InMemoryAggregateStore } from '@servertree/ddd/testing';
import { ServerNameTakenError } from '../domain/server-name-taken.error';
import { Server } from '../domain/server.aggregate';
import { ServerRepository } from '../domain/server.repository.port';
import { ServerMapper } from '../infrastructure/persistence/server.mapper';

/**
 * The servers' repository for handler specs: servers kept as their rows would be (credentials
 * and installations included), names unique among live servers regardless of case, as the
 * database enforces it.
 */
export class InMemoryServerRepository extends ServerRepository {
  private readonly store = new InMemoryAggregateStore<Server>({
    aggregateType: 'Server',
    copy: (server) => ServerMapper.toDomain(ServerMapper.toRows(server)),
    uniqueKey: (server) => server.profile.toJSON().name.toLowerCase(),
    duplicate: (server) => new ServerNameTakenError(server.profile.toJSON().name),
  });

  /** The events saved with the servers, oldest first: what would reach the outbox. */
  readonly savedEvents = this.store.savedEvents;

  findById(id: string): Promise<Server | undefined> {
    return this.store.findById(id);
  }

  save(server: Server): Promise<void> {
    return this.store.save(server);
  }

  /** Stores servers as a spec's starting point. */
  given(...servers: Server[]): this {
    this.store.given(...servers);
    return this;
  }
}
