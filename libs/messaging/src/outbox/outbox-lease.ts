import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EntityManager } from 'typeorm';
import { Clock } from '@servertree/ddd';
import { UnitOfWork } from '@servertree/platform';
import { OutboxLeaseRecord } from './outbox-lease.record';
import { OutboxRecord } from './outbox.record';

/** The one lease row (see the migration that creates it). */
const LEASE = 'outbox_relay';

/** The lease changed hands: whatever this instance published since is someone else's to mark. */
export class OutboxLeaseLostError extends Error {
  constructor() {
    super('the outbox lease was taken over by another instance');
    this.name = 'OutboxLeaseLostError';
  }
}

/**
 * The rows' sequences as an SQL list. They are integers read from the BIGINT column and go into
 * the statement as literals (BigInt refuses anything else): bound one by one, a batch's hundreds
 * of parameters cost TypeORM more time than the statement costs the database.
 */
function sequencesOf(records: readonly OutboxRecord[]): string {
  return records.map((record) => BigInt(record.sequence).toString()).join(', ');
}

interface Held {
  readonly token: string;
  /** By this instance's clock; taken before the statement that took or renewed it. */
  readonly until: number;
}

/**
 * The right to publish the outbox, held by one instance at a time across every instance that
 * shares the database, and what its holder does with the outbox rows (ADR 3).
 *
 * The `outbox_lease` row names the holder (`owner`), until when (`expires_at`) and a fencing
 * `token` that grows whenever the lease changes hands. It is taken and renewed by ordinary
 * `UPDATE ... WHERE` statements whose affected-row count decides: on one server the row lock
 * serialises them, on Galera and Group Replication certification lets one of two conflicting
 * commits through and the other fails (and the unit of work runs it again, when the row no
 * longer matches). GET_LOCK, which this replaces, is node-local on those clusters.
 *
 * Rows are marked published in the same transaction that renews the lease with the token it
 * was taken with: a holder that stalled past its expiry while another took over is refused,
 * marks nothing, and stops. An instance that dies is replaced once its lease expires, so
 * failover takes at most the lease duration plus one relay poll. The same statements run on
 * SQLite, through the unit of work whose mutex gives the single connection to one at a time.
 *
 * Times are this instance's clock: a skew between instances shifts the failover time by that
 * much, never who may mark (the token decides that).
 */
export class OutboxLease {
  /** Who this instance is in `outbox_lease.owner`: unique per process and per start. */
  readonly owner = `${hostname()}/${process.pid}/${randomUUID()}`;
  private held: Held | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly durationMs: number,
  ) {}

  /**
   * True while this instance holds the lease: renewed once a third of it has passed, taken
   * when it is free or expired. False while another instance holds it.
   */
  async hold(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.held && now < this.held.until - (this.durationMs * 2) / 3) return true;
    const held = this.held;
    this.held = await this.unitOfWork.run(async () => {
      const manager = await this.unitOfWork.manager();
      if (held && (await this.renew(manager, held, now)))
        return { token: held.token, until: now + this.durationMs };
      return this.take(manager, now);
    });
    return this.held !== undefined;
  }

  /**
   * The oldest events not yet published, in publishing order, leaving out `inFlight` (sent,
   * their mark still to come). Not "after the last one sent": a row that drew a lower sequence
   * but committed only since then may be an earlier revision of an aggregate whose later one is
   * among the rows read now, and it must go first.
   */
  pending(limit: number, inFlight: readonly OutboxRecord[] = []): Promise<OutboxRecord[]> {
    return this.unitOfWork.run(async () => {
      const query = (await this.unitOfWork.manager())
        .createQueryBuilder(OutboxRecord, 'outbox')
        .where('outbox.published_at IS NULL')
        .orderBy('outbox.sequence', 'ASC')
        .limit(limit);
      if (inFlight.length > 0) query.andWhere(`outbox.sequence NOT IN (${sequencesOf(inFlight)})`);
      return query.getMany();
    });
  }

  /**
   * Marks exactly these rows, by sequence (not "up to the last sequence": a transaction that
   * drew a lower sequence may commit only now, and its event was not sent), in the transaction
   * that renews the lease under this holder's token: refused with OutboxLeaseLostError when the
   * lease has changed hands.
   */
  async markPublished(records: readonly OutboxRecord[], at: Date): Promise<void> {
    if (records.length === 0) return;
    const held = this.held;
    const now = this.clock.now().getTime();
    await this.unitOfWork
      .run(async () => {
        const manager = await this.unitOfWork.manager();
        if (!held || !(await this.renew(manager, held, now))) throw new OutboxLeaseLostError();
        await manager
          .createQueryBuilder()
          .update(OutboxRecord)
          .set({ publishedAt: at })
          .where(`sequence IN (${sequencesOf(records)})`)
          .execute();
      })
      .catch((error: unknown) => {
        if (error instanceof OutboxLeaseLostError) this.held = undefined;
        throw error;
      });
    if (held) this.held = { token: held.token, until: now + this.durationMs };
  }

  /** Gives the lease up (at shutdown), so another instance takes over at its next poll. */
  async release(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    await this.unitOfWork.run(async () => {
      await (
        await this.unitOfWork.manager()
      )
        .createQueryBuilder()
        .update(OutboxLeaseRecord)
        .set({ owner: null, expiresAt: new Date(0) })
        .where('name = :name AND owner = :owner AND token = :token', {
          name: LEASE,
          owner: this.owner,
          token: held.token,
        })
        .execute();
    });
  }

  private async renew(manager: EntityManager, held: Held, now: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxLeaseRecord)
      .set({ expiresAt: new Date(now + this.durationMs) })
      .where('name = :name AND owner = :owner AND token = :token', {
        name: LEASE,
        owner: this.owner,
        token: held.token,
      })
      .execute();
    return result.affected === 1;
  }

  private async take(manager: EntityManager, now: number): Promise<Held | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxLeaseRecord)
      .set({
        owner: this.owner,
        token: () => 'token + 1',
        expiresAt: new Date(now + this.durationMs),
      })
      .where('name = :name AND expires_at < :now', { name: LEASE, now: new Date(now) })
      .execute();
    if (result.affected !== 1) return undefined;
    const lease = await manager.findOneByOrFail(OutboxLeaseRecord, { name: LEASE });
    return { token: String(lease.token), until: now + this.durationMs };
  }
}
