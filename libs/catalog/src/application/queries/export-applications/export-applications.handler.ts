import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApplicationReadModel } from '../application.read-model.port';
import { ApplicationView } from '../application.view';
import { ExportApplicationsQuery } from './export-applications.query';

@QueryHandler(ExportApplicationsQuery)
export class ExportApplicationsHandler implements IQueryHandler<ExportApplicationsQuery> {
  constructor(private readonly readModel: ApplicationReadModel) {}

  execute(query: ExportApplicationsQuery): Promise<AsyncIterable<readonly ApplicationView[]>> {
    return Promise.resolve(this.readModel.exportAll(query.criteria));
  }
}
