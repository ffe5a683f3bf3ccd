import { QueryBus } from '@nestjs/cqrs';
import { etagOf } from '@servertree/platform';
import { FastifyReply } from 'fastify';
import { GetServerQuery } from '../../application/queries/get-server/get-server.query';
import { ServerView } from '../../application/queries/server.view';

/** Where servers live in the API, for Location headers. */
export const SERVERS_PATH = '/api/v1/servers';

/**
 * What a server endpoint answers, a write on a credential or an installation included: the
 * whole server as it now stands, read back through the query side, with its ETag.
 */
export async function replyWithServer(
  queryBus: QueryBus,
  serverId: string,
  reply: FastifyReply,
): Promise<ServerView> {
  const view = await queryBus.execute(new GetServerQuery(serverId));
  reply.header('ETag', etagOf(view.revision));
  return view;
}
