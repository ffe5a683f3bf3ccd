import { DataSource } from 'typeorm';
import { ConcurrentModificationError } from '@servertree/ddd';
import { toProblem } from '../http/problem-details.filter';
import { Metrics } from '../metrics/metrics';
import { DatabaseBusyError } from './database-errors';
import { SqliteDialect } from './dialect';
import { UnitOfWork } from './unit-of-work';

/** What mysql2 raises when InnoDB (or Galera certification) picks this transaction to lose. */
function deadlock(): Error {
  return Object.assign(new Error('Deadlock found when trying to get lock'), {
    code: 'ER_LOCK_DEADLOCK',
    errno: 1213,
  });
}

describe('UnitOfWork retries', () => {
  // Work that never asks for the manager opens no transaction, so no database is needed here;
  // the real deadlock is forced in test/e2e/command-retry.e2e-spec.ts.
  const metrics = new Metrics();
  const unitOfWork = new UnitOfWork({} as DataSource, new SqliteDialect(':memory:'), metrics, {
    attempts: 4,
    firstCeilingMs: 1,
    maximumCeilingMs: 5,
  });
  const retries = async () =>
    (await metrics.transactionRetries.get()).values.find(
      (value) => value.labels.cause === 'lock_conflict',
    )?.value ?? 0;

  it('runs the whole work again after a lost conflict, and answers the attempt that succeeds', async () => {
    const retriedBefore = await retries();
    let attempts = 0;
    const result = await unitOfWork.run(async () => {
      attempts += 1;
      if (attempts < 3) throw deadlock();
      return 'done';
    });
    expect({ result, attempts }).toEqual({ result: 'done', attempts: 3 });
    expect((await retries()) - retriedBefore).toBe(2);
  });

  // A conflict lost on every attempt answers as what it is: a busy database (503) after
  // deadlocks, a 409 after revision checks, never the one mistaken for the other.
  it.each([
    ['a deadlock', deadlock, DatabaseBusyError, 503],
    [
      'a lost revision check',
      () => new ConcurrentModificationError('server', 'some-id'),
      ConcurrentModificationError,
      409,
    ],
  ])(
    'gives up after the last attempt lost to %s, answered as a %i problem',
    async (_conflict, lose, answered, status) => {
      let attempts = 0;
      const failure = unitOfWork.run(async () => {
        attempts += 1;
        throw lose();
      });
      await expect(failure).rejects.toBeInstanceOf(answered);
      expect(attempts).toBe(4);
      const error = await failure.catch((caught: unknown) => caught);
      expect(toProblem(error, () => undefined)).toMatchObject({ status });
    },
  );

  it('runs the whole work again after a lost revision check, so the command decides on fresh state', async () => {
    let attempts = 0;
    const result = await unitOfWork.run(async () => {
      attempts += 1;
      if (attempts < 2) throw new ConcurrentModificationError('server', 'some-id');
      return 'applied on the new revision';
    });
    expect({ result, attempts }).toEqual({ result: 'applied on the new revision', attempts: 2 });
  });

  it('does not run work again for any other error', async () => {
    let attempts = 0;
    const failure = unitOfWork.run(async () => {
      attempts += 1;
      throw Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
    });
    await expect(failure).rejects.toThrow('Duplicate entry');
    expect(attempts).toBe(1);
  });
});
