import { Injectable } from '@nestjs/common';
import { booleanFrom, Dialect, UnitOfWork } from '@servertree/platform';
import { ApplicationDirectory, ApplicationSummary } from '../../contracts/application-directory';

interface SummaryRow {
  id: string;
  name: string;
  version: string;
  architecture: string;
  discarded: boolean | number;
}

/**
 * Reads in the caller's transaction, with the dialect's share lock: discarding an application
 * updates its row, which waits until the caller has committed, and a discard that came first
 * is waited for and then seen.
 *
 * The lock is taken after the caller has locked its server rows (they are loaded first, for
 * update), and nothing locks the other way round (a discard locks only the application row;
 * the uninstalls follow in a later transaction, through the event), so this cannot close a
 * cycle of waits.
 */
@Injectable()
export class TypeOrmApplicationDirectory extends ApplicationDirectory {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dialect: Dialect,
  ) {
    super();
  }

  async findByIds(ids: readonly string[]): Promise<ApplicationSummary[]> {
    if (ids.length === 0) return [];
    const manager = await this.unitOfWork.manager();
    const rows: SummaryRow[] = await manager.query(
      'SELECT id, name, version, architecture, discarded FROM applications ' +
        `WHERE id IN (${ids.map(() => '?').join(', ')})${this.dialect.shareLock}`,
      [...ids],
    );
    return rows.map((row) => ({ ...row, discarded: booleanFrom(row.discarded) }));
  }
}
