import { UnitOfWork } from '@servertree/platform';
import { OutboxLock } from './outbox-lock';
import { OutboxDrain } from './outbox-drain';

/**
 * The embedded database belongs to one process, whose relay loop already drains one batch at a
 * time: no lock is needed. Its single connection, though, is shared with running commands, so
 * each statement goes through the unit of work and waits its turn instead of slipping into (or
 * reading uncommitted rows of) somebody else's transaction. Nothing is held while publishing.
 */
export class SqliteOutboxLock extends OutboxLock {
  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async beginDrain(): Promise<OutboxDrain> {
    return new OutboxDrain(
      (statement) => this.unitOfWork.run(async () => statement(await this.unitOfWork.manager())),
      async () => undefined,
    );
  }
}
