import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@servertree/ddd';
import { ServerReadModel } from '../server.read-model.port';
import { ServerView } from '../server.view';
import { GetServersQuery } from './get-servers.query';

@QueryHandler(GetServersQuery)
export class GetServersHandler implements IQueryHandler<GetServersQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  async execute({ serverIds }: GetServersQuery): Promise<ServerView[]> {
    const views = new Map(
      (await this.readModel.findByIds(serverIds)).map((view) => [view.id, view]),
    );
    return serverIds.map((id) => {
      const view = views.get(id);
      if (!view) throw NotFoundError.aggregate('Server', id);
      return view;
    });
  }
}
