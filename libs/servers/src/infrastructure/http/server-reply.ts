import { QueryBus } from '@nestjs/cqrs';
import { GetServerQuery } from '../../application/queries/get-server/get-server.query';
import { ServerView } from '../../application/queries/server.view';

/** Where servers live in the API, for Location headers. */
export const SERVERS_PATH = '/api/v1/servers';

/**
 * What a server endpoint answers, a write on a credential or an installation included: the
 * whole server as it now stands, read back through the query side (its route adds the ETag).
 */
export function currentServer(queryBus: QueryBus, serverId: string): Promise<ServerView> {
  return queryBus.execute(new GetServerQuery(serverId));
}
