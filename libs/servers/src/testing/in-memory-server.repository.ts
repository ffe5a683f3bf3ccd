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

  async findByIds(ids: readonly string[]): Promise<Map<string, Server>> {
    const found = new Map<string, Server>();
    for (const id of ids) {
      const server = await this.findById(id);
      if (server) found.set(id, server);
    }
    return found;
  }

  async findLiveNames(
    names: readonly string[],
    except: readonly string[] = [],
  ): Promise<readonly { id: string; name: string }[]> {
    const wanted = new Set(names.map((name) => name.toLowerCase()));
    return this.stored()
      .filter((server) => !server.discarded && !except.includes(server.id))
      .map((server) => ({ id: server.id, name: server.profile.toJSON().name }))
      .filter(({ name }) => wanted.has(name.toLowerCase()));
  }

  /** One by one: a spec's batch is small, and the handlers check everything before saving. */
  async saveAll(servers: readonly Server[]): Promise<void> {
    for (const server of servers) await this.save(server);
  }
}
