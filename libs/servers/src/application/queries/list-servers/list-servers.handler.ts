import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@servertree/ddd';
import { ServerReadModel } from '../server.read-model.port';
import { ServerView } from '../server.view';
import { ListServersQuery } from './list-servers.query';

@QueryHandler(ListServersQuery)
export class ListServersHandler implements IQueryHandler<ListServersQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  execute(query: ListServersQuery): Promise<Page<ServerView>> {
    return this.readModel.list(query.criteria);
  }
}
