import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { isUniqueViolation } from '../../persistence/database-errors';
import { PeriodicSweep } from '../../support/periodic-sweep';
import { IdempotencyRecord } from './idempotency.record';
import { StoredResponse } from './stored-response';

const HOUR_MS = 60 * 60 * 1000;
/** How long a key is remembered. */
const RETENTION_MS = 24 * HOUR_MS;
/** A first request that has not finished by then is presumed dead (crash, lost connection). */
const ABANDONED_AFTER_MS = 60 * 1000;

export type Claim =
  | { readonly outcome: 'first' }
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  | { readonly outcome: 'different-request' }
  | { readonly outcome: 'in-progress' };

/**
 * Remembers POSTs by Idempotency-Key. The primary key (scope, key) makes "who is first" a
 * database decision, so two identical requests racing each other cannot both run.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private readonly sweep = new PeriodicSweep(
    'idempotency keys',
    () => this.forgetExpired(),
    HOUR_MS,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.sweep.start();
  }

  onModuleDestroy(): void {
    this.sweep.stop();
  }

  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const repository = this.dataSource.getRepository(IdempotencyRecord);
    try {
      await repository.insert({ scope, key, fingerprint, response: null, createdAt: new Date() });
      return { outcome: 'first' };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await repository.findOneBy({ scope, key });
    if (!existing || this.isStale(existing)) {
      // Expired or abandoned: take it over, unless someone else just did.
      const taken = await repository.update(
        { scope, key, createdAt: existing?.createdAt },
        { fingerprint, response: null, createdAt: new Date() },
      );
      return taken.affected === 1 ? { outcome: 'first' } : { outcome: 'in-progress' };
    }
    if (existing.fingerprint !== fingerprint) return { outcome: 'different-request' };
    if (existing.response === null) return { outcome: 'in-progress' };
    return { outcome: 'replay', response: JSON.parse(existing.response) };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .update({ scope, key }, { response: JSON.stringify(response) });
  }

  /** The first request failed: nothing to replay, the client may retry with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyRecord).delete({ scope, key });
  }

  private isStale(record: IdempotencyRecord): boolean {
    const age = Date.now() - record.createdAt.getTime();
    return age > RETENTION_MS || (record.response === null && age > ABANDONED_AFTER_MS);
  }

  private async forgetExpired(): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .delete({ createdAt: LessThan(new Date(Date.now() - RETENTION_MS)) });
  }
}
