import { Query } from '@nestjs/cqrs';
import { ServerView } from '../server.view';

/** Several servers by id, answered in the order asked (what a bulk write answers with). */
export class GetServersQuery extends Query<ServerView[]> {
  constructor(readonly serverIds: readonly string[]) {
    super();
  }
}
