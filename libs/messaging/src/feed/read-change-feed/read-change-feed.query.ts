import { Query } from '@nestjs/cqrs';
import type { FeedPage } from '../feed-page';
import type { FeedRequest } from '../feed-request';

/** One answer of `GET /events`, possibly after waiting for something to arrive. */
export class ReadChangeFeedQuery extends Query<FeedPage> {
  constructor(readonly request: FeedRequest) {
    super();
  }
}
