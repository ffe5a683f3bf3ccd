import { ListCriteria, Page } from '@servertree/ddd';
import { ServerView } from './server.view';

/**
 * Query-side access: shaped for answers, no aggregates loaded. A page costs the same few
 * statements however many servers, credentials and installations it holds.
 */
export abstract class ServerReadModel {
  abstract findById(id: string): Promise<ServerView | undefined>;
  /** The servers that exist among `ids`, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<ServerView[]>;
  abstract list(criteria: ListCriteria): Promise<Page<ServerView>>;
  /** Ids of the live servers that have the application installed, in id order. */
  abstract idsWithApplication(applicationId: string): Promise<string[]>;
}
