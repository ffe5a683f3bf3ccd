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
const CHILD_RECORDS = {
  credentials: ServerCredentialRecord,
  applications: ServerApplicationRecord,
} as const;

@Injectable()
export class TypeOrmServerRepository extends ServerRepository {
  /**
   * The child rows each loaded server had, as JSON: a status change or a reveal must not
   * rewrite credentials and installations it did not touch. Held weakly, so nothing here
   * outlives the command that loaded the server.
   */
  private readonly loadedChildren = new WeakMap<Server, Record<ChildTable, string>>();

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
   * A server has a handful of children, so a changed table is rewritten whole: simpler than
   * diffing, and safe, as the revision-checked root update above already holds the server's
   * row lock against concurrent writers.
   */
  private async saveChildren(
    manager: EntityManager,
    server: Server,
    rows: ServerRows,
  ): Promise<void> {
    const loaded = this.loadedChildren.get(server);
    const current = childrenOf(rows);
    for (const table of Object.keys(CHILD_RECORDS) as ChildTable[]) {
      if (loaded?.[table] === current[table]) continue;
      const record = CHILD_RECORDS[table];
      if (!server.isNew) await manager.delete(record, { serverId: server.id });
      if (rows[table].length > 0) await manager.insert(record, rows[table]);
    }
  }
}

function childrenOf(rows: ServerRows): Record<ChildTable, string> {
  return {
    credentials: JSON.stringify(rows.credentials),
    applications: JSON.stringify(rows.applications),
  };
}
