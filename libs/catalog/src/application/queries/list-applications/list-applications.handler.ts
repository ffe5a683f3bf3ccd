import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@servertree/ddd';
import { ApplicationReadModel } from '../application.read-model.port';
import { ApplicationView } from '../application.view';
import { ListApplicationsQuery } from './list-applications.query';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly readModel: ApplicationReadModel) {}

  execute(query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    return this.readModel.list(query.criteria);
  }
}
