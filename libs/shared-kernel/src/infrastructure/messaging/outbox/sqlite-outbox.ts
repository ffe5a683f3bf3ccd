import { UnitOfWork } from '../../persistence/unit-of-work';
import { Outbox } from './outbox';
import { OutboxDrain } from './outbox-drain';

/**
 * The embedded database belongs to one process, whose relay loop already drains one batch at a
 * time: no lock is needed. Its single connection, though, is shared with running commands, so
 * each statement goes through the unit of work and waits its turn instead of slipping into (or
 * reading uncommitted rows of) somebody else's transaction. Nothing is held while publishing.
 */
export class SqliteOutbox extends Outbox {
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
