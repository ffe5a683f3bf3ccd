import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ServerReadModel } from '../server.read-model.port';
import { committedServerView, ServerView } from '../server.view';
import { CommittedServersQuery } from './committed-servers.query';

/**
 * The one place where a write's answer is built. The server's own fields, credentials and
 * installations come from the committed aggregate; only the catalogue's labels of its
 * installations are not part of it. A command that installed looked them up already; any
 * other label is read in one statement for all the servers, and only when one of them has an
 * installation the command did not label.
 */
@QueryHandler(CommittedServersQuery)
export class CommittedServersHandler implements IQueryHandler<CommittedServersQuery> {
  constructor(private readonly readModel: ServerReadModel) {}

  async execute({ acknowledgements }: CommittedServersQuery): Promise<ServerView[]> {
    const unlabelled = acknowledgements.flatMap(({ aggregate, labels }) =>
      aggregate.installedApplications
        .map(({ applicationId }) => applicationId)
        .filter((applicationId) => !labels.has(applicationId)),
    );
    const looked = await this.readModel.applicationLabels([...new Set(unlabelled)]);
    return acknowledgements.map(({ aggregate, labels }) =>
      committedServerView(aggregate, new Map([...looked, ...labels])),
    );
  }
}
