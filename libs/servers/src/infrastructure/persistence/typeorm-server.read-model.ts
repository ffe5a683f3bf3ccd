import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListCriteria, Page } from '@servertree/ddd';
import {
  childRowsPredicate,
  ColumnMap,
  fetchAllInKeysetPages,
  fetchListPage,
  SqlListMapping,
  SqlTemplate,
} from '@servertree/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { SERVER_LIST_SCHEMA } from '../../application/queries/list-servers/list-servers.query';
import { ServerReadModel } from '../../application/queries/server.read-model.port';
import { ServerSummary, ServerView } from '../../application/queries/server.view';
import { ServerApplicationRecord } from './server-application.record';
import { ServerCredentialRecord } from './server-credential.record';
import {
  CredentialRow,
  InstallationRow,
  ServerRow,
  serverSummaryOf,
  serverViewOf,
} from './server-view.rows';
import { groupByServer } from './group-by-server';
import { ServerRecord } from './server.record';
import { ServerTagRecord } from './server-tag.record';

const LIST_MAPPING: SqlListMapping = {
  columns: {
    id: 's.id',
    name: 's.name',
    cpuCores: 's.cpu_cores',
    ramMb: 's.ram_mb',
    diskGb: 's.disk_gb',
    environment: 's.environment',
    'operatingSystem.name': 's.os_name',
    'operatingSystem.version': 's.os_version',
    'operatingSystem.architecture': 's.os_architecture',
    status: 's.status',
    revision: 's.revision',
    createdAt: 's.created_at',
    updatedAt: 's.updated_at',
    discarded: 's.discarded',
    applicationId: childRowsPredicate('server_applications', 'server_id', 's.id', 'application_id'),
    tag: childRowsPredicate('server_tags', 'server_id', 's.id', 'tag'),
  } satisfies ColumnMap<typeof SERVER_LIST_SCHEMA>,
  searchColumn: 's.name',
};

/**
 * Reads servers straight from their tables into views. Whether one server or a page of them,
 * the answer takes the same statements: the servers (and, for a page, their count), then the
 * credentials of all of them, then their installations, so nothing grows with the page size.
 */
@Injectable()
export class TypeOrmServerReadModel extends ServerReadModel {
  private readonly sql = {
    serverById: new SqlTemplate(),
    serversById: new SqlTemplate(),
    credentials: new SqlTemplate(),
    installations: new SqlTemplate(),
    tags: new SqlTemplate(),
    idsWithApplication: new SqlTemplate(),
  };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async findById(id: string): Promise<ServerView | undefined> {
    const row = await this.sql.serverById.rawOne<ServerRow>(
      this.servers().where('s.id = :id', { id }),
    );
    if (!row) return undefined;
    const [view] = await this.withChildren([row]);
    return view;
  }

  async findByIds(ids: readonly string[]): Promise<ServerView[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.serversById.rawMany<ServerRow>(
      this.servers().where('s.id IN (:...ids)', { ids }),
    );
    return this.withChildren(rows);
  }

  async list(criteria: ListCriteria): Promise<Page<ServerView>> {
    const { total, rows } = await fetchListPage<ServerRow>(this.servers(), criteria, LIST_MAPPING);
    const items = await this.withChildren(rows);
    return { total, limit: criteria.limit, offset: criteria.offset, items };
  }

  async *exportAll(criteria: ListCriteria): AsyncIterable<readonly ServerSummary[]> {
    const pages = fetchAllInKeysetPages<ServerRow>(() => this.servers(), criteria, LIST_MAPPING);
    for await (const rows of pages) {
      const tags = await this.tagsOf(rows.map((row) => row.id));
      yield rows.map((row) => serverSummaryOf(row, tags.get(row.id) ?? []));
    }
  }

  async idsWithApplication(applicationId: string): Promise<string[]> {
    const rows = await this.sql.idsWithApplication.rawMany<{ id: string }>(
      this.dataSource
        .createQueryBuilder(ServerApplicationRecord, 'sa')
        .select('sa.server_id', 'id')
        .innerJoin(ServerRecord, 's', 's.id = sa.server_id')
        .where('sa.application_id = :applicationId', { applicationId })
        .andWhere('s.discarded = 0')
        .orderBy('sa.server_id'),
    );
    return rows.map((row) => row.id);
  }

  private servers(): SelectQueryBuilder<ServerRecord> {
    return this.dataSource
      .createQueryBuilder(ServerRecord, 's')
      .select([
        's.id AS id',
        's.name AS name',
        's.cpu_cores AS cpuCores',
        's.ram_mb AS ramMb',
        's.disk_gb AS diskGb',
        's.environment AS environment',
        's.os_name AS osName',
        's.os_version AS osVersion',
        's.os_architecture AS osArchitecture',
        's.status AS status',
        's.revision AS revision',
        's.created_at AS createdAt',
        's.updated_at AS updatedAt',
        's.discarded AS discarded',
      ]);
  }

  private async withChildren(rows: readonly ServerRow[]): Promise<ServerView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [credentials, installations, tags] = await Promise.all([
      this.credentialsOf(ids),
      this.installationsOf(ids),
      this.tagsOf(ids),
    ]);
    return rows.map((row) =>
      serverViewOf(
        row,
        credentials.get(row.id) ?? [],
        installations.get(row.id) ?? [],
        tags.get(row.id) ?? [],
      ),
    );
  }

  /** Never selects the ciphertext: the read side has no business with passwords. */
  private async credentialsOf(serverIds: string[]): Promise<Map<string, CredentialRow[]>> {
    const rows = await this.sql.credentials.rawMany<CredentialRow>(
      this.dataSource
        .createQueryBuilder(ServerCredentialRecord, 'c')
        .select([
          'c.server_id AS serverId',
          'c.id AS id',
          'c.connection_type AS connectionType',
          'c.username AS username',
          'c.local_ip AS localIp',
          'c.local_port AS localPort',
          'c.public_ip AS publicIp',
          'c.public_port AS publicPort',
        ])
        .where('c.server_id IN (:...serverIds)', { serverIds })
        .orderBy('c.id'),
    );
    return groupByServer(rows);
  }

  private async tagsOf(serverIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.sql.tags.rawMany<{ serverId: string; tag: string }>(
      this.dataSource
        .createQueryBuilder(ServerTagRecord, 't')
        .select(['t.server_id AS serverId', 't.tag AS tag'])
        .where('t.server_id IN (:...serverIds)', { serverIds }),
    );
    return tagNamesByServer(rows);
  }

  /**
   * Joins the catalogue's `applications` table for names: reading another module's table is
   * fine on the query side, which answers questions and enforces nothing. Writes never do it.
   */
  private async installationsOf(serverIds: string[]): Promise<Map<string, InstallationRow[]>> {
    const rows = await this.sql.installations.rawMany<InstallationRow>(
      this.dataSource
        .createQueryBuilder(ServerApplicationRecord, 'sa')
        .innerJoin('applications', 'a', 'a.id = sa.application_id')
        .select([
          'sa.server_id AS serverId',
          'sa.application_id AS applicationId',
          'a.name AS name',
          'a.version AS version',
          'a.architecture AS architecture',
          'sa.install_dir AS installDir',
          'sa.log_dir AS logDir',
        ])
        .where('sa.server_id IN (:...serverIds)', { serverIds })
        .orderBy('sa.application_id'),
    );
    return groupByServer(rows);
  }
}

/**
 * Sorted here, not by ORDER BY: the column's collation orders `_`, `.` and `-` its own way,
 * and tags are answered in plain code-point order, as the domain keeps them.
 */
function tagNamesByServer(
  rows: readonly { serverId: string; tag: string }[],
): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [serverId, group] of groupByServer(rows)) {
    tags.set(serverId, group.map((row) => row.tag).sort());
  }
  return tags;
}
