import { QueryBus } from '@nestjs/cqrs';
import type { ServerAcknowledgement } from '../../application/commands/server-acknowledgement';
import { CommittedServersQuery } from '../../application/queries/committed-servers/committed-servers.query';
import { GetServerQuery } from '../../application/queries/get-server/get-server.query';
import { ServerView } from '../../application/queries/server.view';

/** Where servers live in the API, for Location headers. */
export const SERVERS_PATH = '/api/v1/servers';

/** What reading a server answers: the server as the query side reads it (its route adds the ETag). */
export function currentServer(queryBus: QueryBus, serverId: string): Promise<ServerView> {
  return queryBus.execute(new GetServerQuery(serverId));
}

/**
 * What a write on a server answers, a write on a credential or an installation included: the
 * whole server as its command committed it, shown exactly as a GET shows it, without reading
 * it back (CommittedServersQuery).
 */
export async function committedServer(
  queryBus: QueryBus,
  acknowledgement: ServerAcknowledgement,
): Promise<ServerView> {
  const [view] = await queryBus.execute(new CommittedServersQuery([acknowledgement]));
  return view;
}
