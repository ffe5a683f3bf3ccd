import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidInputError } from '@servertree/ddd';
import { DataSource, MoreThan } from 'typeorm';
import { toCloudEvent } from '../outbox/cloud-event.mapper';
import { OutboxRecord } from '../outbox/outbox.record';
import { FeedCursor } from './feed-cursor';
import type { FeedEvent } from './feed-page';
import type { TopicPattern } from './topic-pattern';

/** Rows read per statement when a type filter may reject most of them. */
const FILTERED_BATCH = 1000;

/**
 * Bounds the rows one answer looks at, so a rare type over a long feed costs a few statements
 * per request; the answer's cursor still moves past every row looked at.
 */
const MAX_ROWS_SCANNED = 20_000;

export interface FeedSlice {
  readonly events: FeedEvent[];
  /** The position of the last row looked at (matching the filter or not). */
  readonly position: number;
}

/**
 * Reads the outbox in feed-position order. The type filter runs here, on batches, rather than
 * in SQL: the patterns then mean exactly what they mean to RabbitMQ (one matcher), on both
 * databases (SQLite has no REGEXP), and the unique feed_position index serves every read.
 */
@Injectable()
export class ChangeFeed {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The position of the newest positioned event (0 for an empty feed). */
  async head(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT position FROM feed_head WHERE id = 1');
    return Number(row?.position ?? 0);
  }

  /** @throws InvalidInputError when the cursor points past the head: not one we gave out. */
  async checkKnown(cursor: FeedCursor): Promise<void> {
    if (cursor.position > (await this.head())) {
      throw InvalidInputError.single('after', 'after is not a cursor this feed gave out');
    }
  }

  async read(
    cursor: FeedCursor,
    limit: number,
    types: readonly TopicPattern[],
  ): Promise<FeedSlice> {
    const events: FeedEvent[] = [];
    let position = cursor.position;
    let scanned = 0;
    const batchSize = types.length === 0 ? limit : FILTERED_BATCH;
    while (events.length < limit && scanned < MAX_ROWS_SCANNED) {
      const records = await this.dataSource.getRepository(OutboxRecord).find({
        where: { feedPosition: MoreThan(String(position)) },
        order: { feedPosition: 'ASC' },
        take: batchSize,
      });
      for (const record of records) {
        position = Number(record.feedPosition);
        if (types.length === 0 || types.some((type) => type.matches(record.type))) {
          events.push({ ...toCloudEvent(record), sequence: position });
          if (events.length === limit) break;
        }
      }
      scanned += records.length;
      if (records.length < batchSize) break;
    }
    return { events, position };
  }
}
