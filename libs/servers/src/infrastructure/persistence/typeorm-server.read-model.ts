import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListCriteria, Page } from '@servertree/ddd';
import {
  childRowsPredicate,
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
import { groupByServer } from './group-by-server';
import {
  CredentialRow,
  InstallationRow,
  ServerRow,
  serverSummaryOf,
  serverViewOf,
} from './server-view.rows';
import { ServerTagRecord } from './server-tag.record';
import { ServerRecord } from './server.record';

/**
 * How the list's fields reach SQL. Scalar fields are filtered and sorted by the column of the
 * ServerRecord property of the same name, so a new one needs no line here; a list field left
 * without a column stops the start.
 */
function listMapping(columns: Readonly<Record<string, string>>): SqlListMapping {
  const mapping: SqlListMapping = {
    columns: {
      ...columns,
      'operatingSystem.name': columns.osName,
      'operatingSystem.version': columns.osVersion,
      'operatingSystem.architecture': columns.osArchitecture,
      applicationId: childRowsPredicate(
        'server_applications',
        'server_id',
        's.id',
        'application_id',
      ),
      tag: childRowsPredicate('server_tags', 'server_id', 's.id', 'tag'),
    },
    searchColumn: columns.name,
  };
  const unmapped = Object.keys(SERVER_LIST_SCHEMA).filter((field) => !(field in mapping.columns));
  if (unmapped.length > 0) throw new Error(`server list fields without a column: ${unmapped}`);
  return mapping;
}

/**
 * Reads servers straight from their tables into views. Whether one server or a page of them,
 * the answer takes the same statements: the servers (and, for a page, their count), then the
 * credentials of all of them, then their installations, so nothing grows with the page size.
 */
@Injectable()
export class TypeOrmServerReadModel extends ServerReadModel {
  private readonly sql = {
    serverById: new SqlTemplate(),
    credentials: new SqlTemplate(),
    serversById: new SqlTemplate(),
    installations: new SqlTemplate(),
    tags: new SqlTemplate(),
    idsWithApplication: new SqlTemplate(),
  };

  /** Every column of the `servers` row by its property name: `ramMb` → `s.ram_mb`. */
  private readonly columns: Readonly<Record<string, string>>;
  private readonly listMapping: SqlListMapping;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
    this.columns = Object.fromEntries(
      dataSource
        .getMetadata(ServerRecord)
        .columns.map((column) => [column.propertyName, `s.${column.databaseName}`]),
    );
    this.listMapping = listMapping(this.columns);
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

  async *exportAll(criteria: ListCriteria): AsyncIterable<readonly ServerSummary[]> {
    const pages = fetchAllInKeysetPages<ServerRow>(
      () => this.servers(),
      criteria,
      this.listMapping,
    );
    for await (const rows of pages) {
      const tags = await this.tagsOf(rows.map((row) => row.id));
      yield rows.map((row) => serverSummaryOf(row, tags.get(row.id) ?? []));
    }
  }

  async list(criteria: ListCriteria): Promise<Page<ServerView>> {
    const { total, rows } = await fetchListPage<ServerRow>(
      this.servers(),
      criteria,
      this.listMapping,
    );
    const items = await this.withChildren(rows);
    return { total, limit: criteria.limit, offset: criteria.offset, items };
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
      .select(Object.entries(this.columns).map(([property, column]) => `${column} AS ${property}`));
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
