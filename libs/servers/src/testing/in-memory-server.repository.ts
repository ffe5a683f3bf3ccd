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
export class InMemoryServerRepository
  extends InMemoryAggregateStore<Server>
  implements ServerRepository
{
  constructor() {
    super({
      aggregateType: 'Server',
      copy: (server) => ServerMapper.toDomain(ServerMapper.toRows(server)),
      uniqueKey: (server) => server.profile.toJSON().name.toLowerCase(),
      duplicate: (server) => new ServerNameTakenError(server.profile.toJSON().name),
    });
  }
}
