import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ServerReadModel } from '../server.read-model.port';
import { ListServersWithApplicationQuery } from './list-servers-with-application.query';

@QueryHandler(ListServersWithApplicationQuery)
export class ListServersWithApplicationHandler implements IQueryHandler<ListServersWithApplicationQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  execute(query: ListServersWithApplicationQuery): Promise<string[]> {
    return this.readModel.idsWithApplication(query.applicationId);
  }
}
