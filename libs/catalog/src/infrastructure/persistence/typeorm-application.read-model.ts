import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListCriteria, Page } from '@servertree/ddd';
import {
  booleanFrom,
  ColumnMap,
  fetchAllInKeysetPages,
  fetchListPage,
  SqlListMapping,
  SqlTemplate,
  timestampFrom,
} from '@servertree/platform';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ApplicationReadModel } from '../../application/queries/application.read-model.port';
import { ApplicationView } from '../../application/queries/application.view';
import { APPLICATION_LIST_SCHEMA } from '../../application/queries/list-applications/list-applications.query';
import { ApplicationRecord } from './application.record';

interface ApplicationRow {
  id: string;
  name: string;
  version: string;
  architecture: string;
  revision: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  discarded: boolean | number;
}

const LIST_MAPPING: SqlListMapping = {
  columns: {
    id: 'a.id',
    name: 'a.name',
    version: 'a.version',
    architecture: 'a.architecture',
    revision: 'a.revision',
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
    discarded: 'a.discarded',
  } satisfies ColumnMap<typeof APPLICATION_LIST_SCHEMA>,
  searchColumn: 'a.name',
};

/** Reads straight from the `applications` table into views: one statement per answer. */
@Injectable()
export class TypeOrmApplicationReadModel extends ApplicationReadModel {
  private readonly byId = new SqlTemplate();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async findById(id: string): Promise<ApplicationView | undefined> {
    const row = await this.byId.rawOne<ApplicationRow>(this.select().where('a.id = :id', { id }));
    return row ? toView(row) : undefined;
  }

  async list(criteria: ListCriteria): Promise<Page<ApplicationView>> {
    const { total, rows } = await fetchListPage<ApplicationRow>(
      this.select(),
      criteria,
      LIST_MAPPING,
    );
    return { total, limit: criteria.limit, offset: criteria.offset, items: rows.map(toView) };
  }

  async *exportAll(criteria: ListCriteria): AsyncIterable<readonly ApplicationView[]> {
    const pages = fetchAllInKeysetPages<ApplicationRow>(
      () => this.select(),
      criteria,
      LIST_MAPPING,
    );
    for await (const rows of pages) yield rows.map(toView);
  }

  private select(): SelectQueryBuilder<ApplicationRecord> {
    return this.dataSource
      .createQueryBuilder(ApplicationRecord, 'a')
      .select([
        'a.id AS id',
        'a.name AS name',
        'a.version AS version',
        'a.architecture AS architecture',
        'a.revision AS revision',
        'a.created_at AS createdAt',
        'a.updated_at AS updatedAt',
        'a.discarded AS discarded',
      ]);
  }
}

function toView(row: ApplicationRow): ApplicationView {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    architecture: row.architecture,
    revision: Number(row.revision),
    createdAt: timestampFrom(row.createdAt).toISOString(),
    updatedAt: timestampFrom(row.updatedAt).toISOString(),
    discarded: booleanFrom(row.discarded),
  };
}
