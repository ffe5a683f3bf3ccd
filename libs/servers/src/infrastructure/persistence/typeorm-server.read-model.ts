import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListCriteria, Page } from '@servertree/ddd';
import {
  childRowsPredicate,
  Dialect,
  fetchAllInKeysetPages,
  fetchListPage,
  SqlListMapping,
  SqlTemplate,
} from '@servertree/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { SERVER_LIST_SCHEMA } from '../../application/queries/list-servers/list-servers.query';
import { ServerReadModel } from '../../application/queries/server.read-model.port';
import { ServerSummary, ServerView } from '../../application/queries/server.view';
import { ApplicationLabel } from '../../domain/installations/application-catalogue';
import { ServerApplicationRecord } from './server-application.record';
import { ServerRow, ServerSummaryRow, serverSummaryOf, serverViewOf } from './server-view.rows';
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
 * Reads servers straight from their tables into views. A server comes with its credentials,
 * installations and tags in the same statement, as JSON arrays built by correlated subqueries
 * (one index range each), so one server is one statement and a page is two (its rows and its
 * count) however many children they hold.
 */
@Injectable()
export class TypeOrmServerReadModel extends ServerReadModel {
  private readonly sql = {
    serverById: new SqlTemplate(),
    idsWithApplication: new SqlTemplate(),
  };
  /** Every column of the `servers` row by its property name: `ramMb` → `s.ram_mb`. */
  private readonly columns: Readonly<Record<string, string>>;
  private readonly listMapping: SqlListMapping;
  /** The JSON subqueries of a server's children, rendered once. */
  private readonly children: { credentials: string; applications: string; tags: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    dialect: Dialect,
  ) {
    super();
    this.columns = Object.fromEntries(
      dataSource
        .getMetadata(ServerRecord)
        .columns.map((column) => [column.propertyName, `s.${column.databaseName}`]),
    );
    this.listMapping = listMapping(this.columns);
    this.children = childrenOf(dialect);
  }

  async findById(id: string): Promise<ServerView | undefined> {
    const row = await this.sql.serverById.rawOne<ServerRow>(
      this.serversWithChildren().where('s.id = :id', { id }),
    );
    return row && serverViewOf(row);
  }

  async *exportAll(criteria: ListCriteria): AsyncIterable<readonly ServerSummary[]> {
    const pages = fetchAllInKeysetPages<ServerSummaryRow>(
      () => this.servers().addSelect(this.children.tags, 'tags'),
      criteria,
      this.listMapping,
    );
    for await (const rows of pages) yield rows.map(serverSummaryOf);
  }

  async list(criteria: ListCriteria): Promise<Page<ServerView>> {
    const { total, rows } = await fetchListPage<ServerRow>(
      this.serversWithChildren(),
      criteria,
      this.listMapping,
    );
    return { total, limit: criteria.limit, offset: criteria.offset, items: rows.map(serverViewOf) };
  }

  async applicationLabels(ids: readonly string[]): Promise<Map<string, ApplicationLabel>> {
    if (ids.length === 0) return new Map();
    // The catalogue's table, read as the installations' subquery reads it (see childrenOf).
    const rows: (ApplicationLabel & { id: string })[] = await this.dataSource.query(
      'SELECT id, name, version, architecture FROM applications ' +
        `WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return new Map(
      rows.map(({ id, name, version, architecture }) => [id, { name, version, architecture }]),
    );
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

  private serversWithChildren(): SelectQueryBuilder<ServerRecord> {
    return this.servers()
      .addSelect(this.children.credentials, 'credentials')
      .addSelect(this.children.applications, 'applications')
      .addSelect(this.children.tags, 'tags');
  }
}

/**
 * The children's subqueries. Credentials never select the ciphertext: the read side has no
 * business with passwords. Installations join the catalogue's `applications` table for names:
 * reading another module's table is fine on the query side, which answers questions and
 * enforces nothing; writes never do it. Every child list is sorted by the row mapping, not by
 * ORDER BY: MySQL 8 has none inside JSON_ARRAYAGG, and the tag column's collation orders `_`,
 * `.` and `-` its own way while tags are answered in plain code-point order.
 */
function childrenOf(dialect: Dialect): TypeOrmServerReadModel['children'] {
  return {
    credentials: dialect.jsonArrayOf(
      dialect.jsonObjectOf({
        id: 'c.id',
        connectionType: 'c.connection_type',
        username: 'c.username',
        localIp: 'c.local_ip',
        localPort: 'c.local_port',
        publicIp: 'c.public_ip',
        publicPort: 'c.public_port',
      }),
      'server_credentials c WHERE c.server_id = s.id',
    ),
    applications: dialect.jsonArrayOf(
      dialect.jsonObjectOf({
        applicationId: 'sa.application_id',
        name: 'a.name',
        version: 'a.version',
        architecture: 'a.architecture',
        installDir: 'sa.install_dir',
        logDir: 'sa.log_dir',
      }),
      'server_applications sa INNER JOIN applications a ON a.id = sa.application_id ' +
        'WHERE sa.server_id = s.id',
    ),
    tags: dialect.jsonArrayOf('t.tag', 'server_tags t WHERE t.server_id = s.id'),
  };
}
