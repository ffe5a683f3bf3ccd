import { Injectable } from '@nestjs/common';
import { Clock } from '../../../application/clock.port';
import { isUniqueViolation } from '../../persistence/database-errors';
import { UnitOfWork } from '../../persistence/unit-of-work';
import { InboxRecord } from './inbox.record';

/** Which events each consumer has processed (the "idempotent receiver" pattern). */
@Injectable()
export class Inbox {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

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
}
