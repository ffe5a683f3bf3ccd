import { Injectable } from '@nestjs/common';
import { booleanFrom, UnitOfWork } from '@servertree/platform';
import { ApplicationDirectory, ApplicationSummary } from '../../contracts/application-directory';

interface SummaryRow {
  id: string;
  name: string;
  version: string;
  architecture: string;
  discarded: boolean | number;
}

/**
 * Reads in the caller's transaction. On MySQL/MariaDB the rows are read with a shared lock:
 * discarding an application updates its row, which waits until the caller has committed, and
 * a discard that came first is waited for and then seen. SQLite needs no lock, as its
 * transactions already run one at a time.
 *
 * The SQL is written out because TypeORM's `pessimistic_read` emits `FOR SHARE` whenever the
 * server version is 8 or above, a syntax MariaDB (10.x, 11.x) rejects; `LOCK IN SHARE MODE`
 * means the same on both.
 */
@Injectable()
export class TypeOrmApplicationDirectory extends ApplicationDirectory {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async findByIds(ids: readonly string[]): Promise<ApplicationSummary[]> {
    if (ids.length === 0) return [];
    const manager = await this.unitOfWork.manager();
    const lock = manager.connection.options.type === 'mysql' ? ' LOCK IN SHARE MODE' : '';
    const rows: SummaryRow[] = await manager.query(
      'SELECT id, name, version, architecture, discarded FROM applications ' +
        `WHERE id IN (${ids.map(() => '?').join(', ')})${lock}`,
      [...ids],
    );
    return rows.map((row) => ({ ...row, discarded: booleanFrom(row.discarded) }));
  }
}
