import { acknowledge, AggregateAcknowledgement } from '@servertree/ddd';
import type { ApplicationLabel } from '../../domain/installations/application-catalogue';
import type { Server } from '../../domain/server.aggregate';

/**
 * What a command on a server answers when its caller shows the server (CommittedServerQuery):
 * the server as the command left it, and the catalogue labels the command already looked up
 * (installing needs them), so that showing those installations asks the catalogue no second
 * time.
 */
export interface ServerAcknowledgement extends AggregateAcknowledgement<Server> {
  /** By application id; may hold applications the server does not have (any more). */
  readonly labels: ReadonlyMap<string, ApplicationLabel>;
}

export function acknowledgeServer(
  server: Server,
  labels: ReadonlyMap<string, ApplicationLabel> = new Map(),
): ServerAcknowledgement {
  return { ...acknowledge(server), labels };
}
