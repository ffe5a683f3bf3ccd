import { ServerSnapshot } from '../../domain/server.snapshot';

/** The read model of a server: exactly what the API shows. */
export type ServerView = ServerSnapshot;
