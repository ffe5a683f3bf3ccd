import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@servertree/messaging';
import { isUniqueViolation, UnitOfWork, updateWithRevisionCheck } from '@servertree/platform';
import { EntityManager } from 'typeorm';
import { ServerNameTakenError } from '../../domain/server-name-taken.error';
import { Server } from '../../domain/server.aggregate';
import { ServerRepository } from '../../domain/server.repository.port';
import { ServerApplicationRecord } from './server-application.record';
import { ServerCredentialRecord } from './server-credential.record';
import { ServerMapper, ServerRows } from './server.mapper';
import { ServerRecord } from './server.record';

type ChildTable = 'credentials' | 'applications';
type ChildRecord = ServerCredentialRecord | ServerApplicationRecord;

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
};

/** A server's child rows by table, each keyed by its primary key, the row as JSON. */
type StoredChildren = Record<ChildTable, Map<string, string>>;

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
  ) {
    super();
  }

  async findById(id: string): Promise<Server | undefined> {
    const manager = await this.unitOfWork.manager();
    const server = await manager.findOneBy(ServerRecord, { id });
    if (!server) return undefined;
    const credentials = await manager.find(ServerCredentialRecord, {
      where: { serverId: id },
      order: { id: 'ASC' },
    });
    const applications = await manager.find(ServerApplicationRecord, {
      where: { serverId: id },
      order: { applicationId: 'ASC' },
    });
    const aggregate = ServerMapper.toDomain({ server, credentials, applications });
    this.loadedChildren.set(aggregate, childrenOf(ServerMapper.toRows(aggregate)));
    return aggregate;
  }

  /**
   * The root row (an INSERT, or an UPDATE checked against the loaded revision), the child rows
   * that changed, and the events, all in the command's transaction.
   */
  async save(server: Server): Promise<void> {
    const events = server.pullEvents();
    if (events.length === 0) return;
    const manager = await this.unitOfWork.manager();
    const rows = ServerMapper.toRows(server);
    await this.saveRoot(manager, server, rows.server);
    await this.saveChildren(manager, server, rows);
    await this.outboxWriter.append('server', events);
  }

  private async saveRoot(manager: EntityManager, server: Server, row: ServerRecord): Promise<void> {
    try {
      if (server.isNew) await manager.insert(ServerRecord, row);
      else await updateWithRevisionCheck(manager, ServerRecord, server, 'Server', row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ServerNameTakenError(row.name);
      throw error;
    }
  }

  /**
   * Row by row, each addressed by its primary key: never `DELETE ... WHERE server_id = ?`. On
   * InnoDB such a range delete locks the gap around the server's rows even when it finds none
   * (a first install), and two servers next to each other in the index then block each other's
   * INSERT into that gap: the deadlock of issue 9 (installs on many servers at once). A delete
   * or update by primary key of a row that exists locks that row only. The revision-checked
   * root update above already holds the server's row, so the loaded rows are still the stored
   * ones.
   */
  private async saveChildren(
    manager: EntityManager,
    server: Server,
    rows: ServerRows,
  ): Promise<void> {
    const loaded = this.loadedChildren.get(server);
    for (const table of Object.keys(CHILD_TABLES) as ChildTable[]) {
      const { record, key } = CHILD_TABLES[table];
      const before = loaded?.[table] ?? new Map<string, string>();
      const children: ChildRecord[] = rows[table];
      const after = new Map(children.map((row) => [JSON.stringify(key(row)), row]));
      for (const stored of before.keys()) {
        if (!after.has(stored)) await manager.delete(record, JSON.parse(stored));
      }
      const added: ChildRecord[] = [];
      for (const [stored, row] of after) {
        const previous = before.get(stored);
        if (previous === undefined) added.push(row);
        else if (previous !== JSON.stringify(row)) await manager.update(record, key(row), row);
      }
      if (added.length > 0) await manager.insert(record, added);
    }
  }
}

function childrenOf(rows: ServerRows): StoredChildren {
  const stored = (table: ChildTable) => {
    const { key } = CHILD_TABLES[table];
    const children: ChildRecord[] = rows[table];
    return new Map(children.map((row) => [JSON.stringify(key(row)), JSON.stringify(row)]));
  };
  return { credentials: stored('credentials'), applications: stored('applications') };
}
