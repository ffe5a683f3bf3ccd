import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@servertree/ddd';
import { ServerReadModel } from '../server.read-model.port';
import { ServerView } from '../server.view';
import { GetServerQuery } from './get-server.query';

/** Discarded servers stay readable by id; only lists hide them. */
@QueryHandler(GetServerQuery)
export class GetServerHandler implements IQueryHandler<GetServerQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  async execute(query: GetServerQuery): Promise<ServerView> {
    const view = await this.readModel.findById(query.serverId);
    if (!view) throw NotFoundError.aggregate('Server', query.serverId);
    return view;
  }
}
