import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChangeFeed, FeedSlice } from '../change-feed';
import { FeedCursor } from '../feed-cursor';
import type { FeedPage } from '../feed-page';
import { FeedSequencer } from '../feed-sequencer';
import { ReadChangeFeedQuery } from './read-change-feed.query';

/** Bound on seeing another instance's events while a reader waits (ours wake it at once). */
const WAIT_POLL_MS = 500;

/**
 * Answers at once when something is there; otherwise, with `wait`, holds the answer open until
 * this instance positions new events or a poll finds some from another instance.
 */
@QueryHandler(ReadChangeFeedQuery)
export class ReadChangeFeedHandler implements IQueryHandler<ReadChangeFeedQuery> {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly sequencer: FeedSequencer,
  ) {}

  async execute({ request }: ReadChangeFeedQuery): Promise<FeedPage> {
    await this.feed.checkKnown(request.after);
    const deadline = Date.now() + request.waitSeconds * 1000;
    let slice = await this.feed.read(request.after, request.limit, request.types);
    while (slice.events.length === 0 && Date.now() < deadline) {
      await this.nextPositioning(Math.min(WAIT_POLL_MS, deadline - Date.now()));
      slice = await this.feed.read(FeedCursor.after(slice.position), request.limit, request.types);
    }
    return this.pageOf(slice);
  }

  private pageOf(slice: FeedSlice): FeedPage {
    return { items: slice.events, next: FeedCursor.after(slice.position).toString() };
  }

  private nextPositioning(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const unsubscribe = this.sequencer.onPositioned(done);
    });
  }
}
