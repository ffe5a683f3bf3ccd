import { DataSource } from 'typeorm';
import { OutboxLock } from './outbox-lock';
import { OutboxDrain } from './outbox-drain';

/** Named locks are server-wide; the database name keeps test databases from sharing one. */
const LOCK_NAME = "CONCAT(DATABASE(), '.outbox_relay')";

/**
 * Several service instances share one MySQL database; their relays take turns through a MySQL
 * named lock held on a connection of its own, and run the drain's statements on that very
 * connection. A statement that succeeds therefore proves the lock is still held; a connection
 * that dies (instance killed, network cut) releases it, and another instance takes over.
 *
 * The lock is not waited for: while another instance drains, it delivers our rows too, and
 * the relay's next poll picks up whatever it missed.
 */
export class MySqlOutboxLock extends OutboxLock {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async beginDrain(): Promise<OutboxDrain | undefined> {
    const runner = this.dataSource.createQueryRunner();
    let acquired = false;
    try {
      const [row] = await runner.query(`SELECT GET_LOCK(${LOCK_NAME}, 0) AS acquired`);
      acquired = Number(row.acquired) === 1;
    } finally {
      if (!acquired) await runner.release();
    }
    if (!acquired) return undefined;

    return new OutboxDrain(
      (statement) => statement(runner.manager),
      async () => {
        try {
          await runner.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`);
        } finally {
          await runner.release();
        }
      },
    );
  }
}
