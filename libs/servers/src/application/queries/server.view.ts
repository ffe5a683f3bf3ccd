import { ServerSnapshot } from '../../domain/server.snapshot';

/** The read model of a server: exactly what the API shows. */
export type ServerView = ServerSnapshot;

/** A server's own fields, without its credentials and installations: a row of an export. */
export type ServerSummary = Omit<ServerView, 'credentials' | 'applications'>;
