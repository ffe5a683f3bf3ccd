import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { Clock } from '@servertree/ddd';
import { isUniqueViolation, PeriodicSweep, UnitOfWork } from '@servertree/platform';
import { InboxRecord } from './inbox.record';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a processed event is remembered. Redeliveries come within seconds (retry queue);
 * the margin covers a dead-lettered message an operator moves back days later.
 */
const RETENTION_MS = 30 * DAY_MS;

/** Which events each consumer has processed (the "idempotent receiver" pattern). */
@Injectable()
export class Inbox implements OnModuleInit, OnModuleDestroy {
  private readonly sweep = new PeriodicSweep('inbox', () => this.forgetExpired(), DAY_MS / 24);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweep.start();
  }

  onModuleDestroy(): void {
    this.sweep.stop();
  }

  /**
   * Records, in the running transaction, that the consumer processes this event; false if it
   * already has. The insert itself is the check: a concurrent duplicate waits on the primary
   * key until the first one commits (then it is refused) or rolls back (then it goes ahead).
   */
  async admit(consumer: string, eventId: string): Promise<boolean> {
    const manager = await this.unitOfWork.manager();
    try {
      await manager.insert(InboxRecord, { consumer, eventId, processedAt: this.clock.now() });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Whether the consumer has processed this event (read outside any transaction). */
  async has(consumer: string, eventId: string): Promise<boolean> {
    const manager = await this.unitOfWork.manager();
    return manager.exists(InboxRecord, { where: { consumer, eventId } });
  }

  /** Forgets processed events older than the retention period. */
  async forgetExpired(): Promise<void> {
    const manager = await this.unitOfWork.manager();
    await manager.delete(InboxRecord, {
      processedAt: LessThan(new Date(this.clock.now().getTime() - RETENTION_MS)),
    });
  }
}
