import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@servertree/ddd';
import { ApplicationReadModel } from '../application.read-model.port';
import { ApplicationView } from '../application.view';
import { GetApplicationQuery } from './get-application.query';

/** Discarded applications stay readable by id; only lists hide them. */
@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(private readonly readModel: ApplicationReadModel) {}

  async execute(query: GetApplicationQuery): Promise<ApplicationView> {
    const view = await this.readModel.findById(query.applicationId);
    if (!view) throw NotFoundError.aggregate('Application', query.applicationId);
    return view;
  }
}
