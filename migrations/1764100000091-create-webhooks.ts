import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf, MYSQL_TABLE_OPTIONS, runEach } from './support/dialect';

/**
 * Webhook subscriptions (an aggregate), how far each has been fed from the change feed, and one
 * delivery row per event and subscription. `uq_webhook_deliveries_event` makes feeding the same
 * event twice impossible; `ix_webhook_deliveries_line` finds the oldest pending event of an
 * aggregate per subscription, which holds back the later ones (per-aggregate order).
 */
export class CreateWebhooks1764100000091 implements MigrationInterface {
  name = 'CreateWebhooks1764100000091';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = dialectOf(queryRunner) === 'mysql';
    const id = mysql ? 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin' : 'CHAR(36)';
    const time = mysql ? 'DATETIME(3)' : 'DATETIME';
    const options = mysql ? MYSQL_TABLE_OPTIONS : '';
    await runEach(queryRunner, [
      `CREATE TABLE webhook_subscriptions (
        id ${id} NOT NULL PRIMARY KEY,
        url VARCHAR(2048) NOT NULL,
        event_types TEXT NOT NULL,
        description VARCHAR(500) NULL,
        enabled ${mysql ? 'TINYINT(1)' : 'BOOLEAN'} NOT NULL,
        secret_key_id VARCHAR(16) NOT NULL,
        secret_ciphertext VARCHAR(255) NOT NULL,
        revision INT NOT NULL,
        created_at ${time} NOT NULL,
        updated_at ${time} NOT NULL,
        discarded ${mysql ? 'TINYINT(1)' : 'BOOLEAN'} NOT NULL DEFAULT 0
      ) ${options}`,
      `CREATE TABLE webhook_dispatch_cursors (
        subscription_id ${id} NOT NULL PRIMARY KEY,
        position BIGINT NOT NULL
      ) ${options}`,
      `CREATE TABLE webhook_deliveries (
        id ${id} NOT NULL PRIMARY KEY,
        subscription_id ${id} NOT NULL,
        event_id ${id} NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        aggregate_id ${id} NOT NULL,
        feed_position BIGINT NOT NULL,
        status VARCHAR(16) NOT NULL,
        attempts INT NOT NULL,
        last_http_status INT NULL,
        last_response VARCHAR(1024) NULL,
        next_attempt_at ${time} NULL,
        retrying_since ${time} NULL,
        lease_owner VARCHAR(36) NULL,
        lease_until ${time} NULL,
        created_at ${time} NOT NULL,
        updated_at ${time} NOT NULL
      ) ${options}`,
      'CREATE UNIQUE INDEX uq_webhook_deliveries_event ON webhook_deliveries (subscription_id, event_id)',
      'CREATE INDEX ix_webhook_deliveries_line ON webhook_deliveries (subscription_id, aggregate_id, status, feed_position)',
      'CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)',
      'CREATE INDEX ix_webhook_deliveries_log ON webhook_deliveries (subscription_id, feed_position)',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runEach(queryRunner, [
      'DROP TABLE webhook_deliveries',
      'DROP TABLE webhook_dispatch_cursors',
      'DROP TABLE webhook_subscriptions',
    ]);
  }
}
