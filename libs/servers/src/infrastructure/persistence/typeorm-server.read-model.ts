import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListCriteria, Page } from '@servertree/ddd';
import { fetchListPage, SqlListMapping, SqlTemplate } from '@servertree/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { SERVER_LIST_SCHEMA } from '../../application/queries/list-servers/list-servers.query';
import { ServerReadModel } from '../../application/queries/server.read-model.port';
import { ServerView } from '../../application/queries/server.view';
import { ServerApplicationRecord } from './server-application.record';
import { ServerCredentialRecord } from './server-credential.record';
import { CredentialRow, InstallationRow, ServerRow, serverViewOf } from './server-view.rows';
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
      // EXISTS keeps one row per server however many applications match.
      applicationId: (lookup, placeholders) =>
        `${lookup === 'n' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM server_applications sa ` +
        `WHERE sa.server_id = s.id AND sa.application_id IN (${placeholders.join(', ')}))`,
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
    installations: new SqlTemplate(),
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
    const [credentials, installations] = await Promise.all([
      this.credentialsOf(ids),
      this.installationsOf(ids),
    ]);
    return rows.map((row) =>
      serverViewOf(row, credentials.get(row.id) ?? [], installations.get(row.id) ?? []),
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

function groupByServer<Row extends { serverId: string }>(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.serverId);
    if (group) group.push(row);
    else groups.set(row.serverId, [row]);
  }
  return groups;
}
