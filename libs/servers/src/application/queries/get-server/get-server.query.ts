import { Query } from '@nestjs/cqrs';
import { ServerView } from '../server.view';

export class GetServerQuery extends Query<ServerView> {
  constructor(readonly serverId: string) {
    super();
  }
}
