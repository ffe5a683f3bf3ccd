import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ServerReadModel } from '../server.read-model.port';
import { ServerSummary } from '../server.view';
import { ExportServersQuery } from './export-servers.query';

@QueryHandler(ExportServersQuery)
export class ExportServersHandler implements IQueryHandler<ExportServersQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  execute(query: ExportServersQuery): Promise<AsyncIterable<readonly ServerSummary[]>> {
    return Promise.resolve(this.readModel.exportAll(query.criteria));
  }
}
