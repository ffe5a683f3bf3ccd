import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@servertree/messaging';
import {
  Dialect,
  isUniqueViolation,
  UnitOfWork,
  updateWithRevisionCheck,
} from '@servertree/platform';
import { EntityManager, In, ObjectLiteral } from 'typeorm';
import { ServerNameTakenError } from '../../domain/server-name-taken.error';
import { Server } from '../../domain/server.aggregate';
import { ServerRepository } from '../../domain/server.repository.port';
import { ServerApplicationRecord } from './server-application.record';
import { ServerCredentialRecord } from './server-credential.record';
import { ServerMapper, ServerRows } from './server.mapper';
import { groupByServer } from './group-by-server';
import { ServerRecord } from './server.record';
import { ServerTagRecord } from './server-tag.record';

type ChildTable = 'credentials' | 'applications' | 'tags';
type ChildRecord = ServerCredentialRecord | ServerApplicationRecord | ServerTagRecord;

interface ChildTableMapping {
  readonly record: new () => ChildRecord;
  /** The row's primary key, by which it is written one by one. */
  key(row: ChildRecord): Partial<ChildRecord>;
}

const CHILD_TABLES: Record<ChildTable, ChildTableMapping> = {
  credentials: {
    record: ServerCredentialRecord,
    key: (row: ServerCredentialRecord) => ({ id: row.id }),
  },
  applications: {
    record: ServerApplicationRecord,
    key: (row: ServerApplicationRecord) => ({
      serverId: row.serverId,
      applicationId: row.applicationId,
    }),
  },
  tags: {
    record: ServerTagRecord,
    key: (row: ServerTagRecord) => ({ serverId: row.serverId, tag: row.tag }),
  },
};

/** A server's child rows by table, each keyed by its primary key, the row as JSON. */
type StoredChildren = Record<ChildTable, Map<string, string>>;

/**
 * Rows per INSERT: well below the bound parameters either database takes in one statement
 * (SQLite 32,766; MySQL 65,535) at the widest row, 15 columns.
 */
const ROWS_PER_INSERT = 1000;

interface Changed {
  readonly server: Server;
  readonly rows: ServerRows;
}

/**
 * Loads and saves servers whole, one or a thousand alike: each table is read with one
 * statement and written with multi-row statements, whatever the number of servers.
 *
 * Loading locks the server rows for update, in id order, until the command commits: commands
 * on one server take turns instead of the later ones losing their revision check (a 409 for
 * a client that sent no If-Match), and a command takes its locks in one order - its servers
 * first, then what it reads besides (the catalogue's applications, share-locked), then the
 * rows it writes. Nothing locks a catalogue application and then a server, so no cycle of
 * waits can form. The revision check on save stays: it is what refuses a stale If-Match
 * revision, and on a Galera cluster row locks are node-local.
 */
@Injectable()
export class TypeOrmServerRepository extends ServerRepository {
  /**
   * The child rows each loaded server had: a save writes only the rows that changed. Held
   * weakly, so nothing here outlives the command that loaded the server.
   */
  private readonly loadedChildren = new WeakMap<Server, StoredChildren>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outboxWriter: OutboxWriter,
    private readonly dialect: Dialect,
  ) {
    super();
  }

  async findById(id: string): Promise<Server | undefined> {
    return (await this.findByIds([id])).get(id);
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Server>> {
    const found = new Map<string, Server>();
    if (ids.length === 0) return found;
    const manager = await this.unitOfWork.manager();
    const roots = await this.dialect
      .lockedForUpdate(manager.createQueryBuilder(ServerRecord, 's'))
      .where({ id: In([...ids]) })
      .orderBy('s.id')
      .getMany();
    if (roots.length === 0) return found;
    const serverId = In(roots.map((root) => root.id));
    const credentials = groupByServer(
      await manager.find(ServerCredentialRecord, { where: { serverId }, order: { id: 'ASC' } }),
    );
    const applications = groupByServer(
      await manager.find(ServerApplicationRecord, {
        where: { serverId },
        order: { applicationId: 'ASC' },
      }),
    );
    const tags = groupByServer(await manager.find(ServerTagRecord, { where: { serverId } }));
    for (const server of roots) {
      const aggregate = ServerMapper.toDomain({
        server,
        credentials: credentials.get(server.id) ?? [],
        applications: applications.get(server.id) ?? [],
        tags: tags.get(server.id) ?? [],
      });
      this.loadedChildren.set(aggregate, childrenOf(ServerMapper.toRows(aggregate)));
      found.set(server.id, aggregate);
    }
    return found;
  }

  async findLiveNames(
    names: readonly string[],
    except: readonly string[] = [],
  ): Promise<readonly { id: string; name: string }[]> {
    if (names.length === 0) return [];
    const manager = await this.unitOfWork.manager();
    // The column's collation (case-insensitive) decides equality, as the unique index does.
    const query = manager
      .createQueryBuilder(ServerRecord, 's')
      .select(['s.id AS id', 's.name AS name'])
      .where('s.discarded = 0')
      .andWhere('s.name IN (:...names)', { names });
    if (except.length > 0) query.andWhere('s.id NOT IN (:...except)', { except });
    return query.getRawMany();
  }

  save(server: Server): Promise<void> {
    return this.saveAll([server]);
  }

  /**
   * The root rows (INSERTs, or UPDATEs checked against the loaded revision), the child rows
   * that changed, and the events, all in the command's transaction.
   */
  async saveAll(servers: readonly Server[]): Promise<void> {
    const events = servers.flatMap((server) =>
      server.pullEvents().map((event) => ({ server, event })),
    );
    if (events.length === 0) return;
    const changedServers = [...new Set(events.map(({ server }) => server))];
    const changed = changedServers.map((server) => ({ server, rows: ServerMapper.toRows(server) }));
    const manager = await this.unitOfWork.manager();
    await this.saveRoots(manager, changed);
    await this.saveChildren(manager, changed);
    await this.outboxWriter.append(
      'server',
      events.map(({ event }) => event),
    );
  }

  private async saveRoots(manager: EntityManager, changed: readonly Changed[]): Promise<void> {
    try {
      await insertAll(
        manager,
        ServerRecord,
        changed.filter(({ server }) => server.isNew).map(({ rows }) => rows.server),
      );
      for (const { server, rows } of changed) {
        if (!server.isNew) {
          await updateWithRevisionCheck(manager, ServerRecord, server, 'Server', rows.server);
        }
      }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ServerNameTakenError(
          changed.length === 1 ? changed[0].rows.server.name : undefined,
        );
      }
      throw error;
    }
  }

  /**
   * Row by row, each addressed by its primary key: never `DELETE ... WHERE server_id = ?`. On
   * InnoDB such a range delete locks the gap around the server's rows even when it finds none
   * (a first install), and two servers next to each other in the index then block each other's
   * INSERT into that gap: the deadlock of issue 9 (installs on many servers at once). A delete
   * or update by primary key of a row that exists locks that row only. The servers' rows are
   * locked since they were loaded, so the loaded child rows are still the stored ones. New rows
   * of all servers go in multi-row INSERTs.
   */
  private async saveChildren(manager: EntityManager, changed: readonly Changed[]): Promise<void> {
    for (const table of Object.keys(CHILD_TABLES) as ChildTable[]) {
      const { record, key } = CHILD_TABLES[table];
      const added: ChildRecord[] = [];
      for (const { server, rows } of changed) {
        const before = this.loadedChildren.get(server)?.[table] ?? new Map<string, string>();
        const children: ChildRecord[] = rows[table];
        const after = new Map(children.map((row) => [JSON.stringify(key(row)), row]));
        for (const stored of before.keys()) {
          if (!after.has(stored)) await manager.delete(record, JSON.parse(stored));
        }
        for (const [stored, row] of after) {
          const previous = before.get(stored);
          if (previous === undefined) added.push(row);
          else if (previous !== JSON.stringify(row)) await manager.update(record, key(row), row);
        }
      }
      await insertAll(manager, record, added);
    }
  }
}

async function insertAll<T extends ObjectLiteral>(
  manager: EntityManager,
  record: new () => T,
  rows: readonly T[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager.insert(record, rows.slice(start, start + ROWS_PER_INSERT) as T[]);
  }
}

function childrenOf(rows: ServerRows): StoredChildren {
  const stored = (table: ChildTable) => {
    const { key } = CHILD_TABLES[table];
    const children: ChildRecord[] = rows[table];
    return new Map(children.map((row) => [JSON.stringify(key(row)), JSON.stringify(row)]));
  };
  return {
    credentials: stored('credentials'),
    applications: stored('applications'),
    tags: stored('tags'),
  };
}
