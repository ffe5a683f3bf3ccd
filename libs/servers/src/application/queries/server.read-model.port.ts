import { ListCriteria, Page } from '@servertree/ddd';
import { ServerSummary, ServerView } from './server.view';

/**
 * Query-side access: shaped for answers, no aggregates loaded. A page costs the same few
 * statements however many servers, credentials and installations it holds.
 */
export abstract class ServerReadModel {
  abstract findById(id: string): Promise<ServerView | undefined>;
  /** The servers that exist among `ids`, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<ServerView[]>;
  abstract list(criteria: ListCriteria): Promise<Page<ServerView>>;
  /**
   * Every server the criteria match, limit and offset ignored, page by page: memory stays
   * flat however many there are.
   */
  abstract exportAll(criteria: ListCriteria): AsyncIterable<readonly ServerSummary[]>;
  /** Ids of the live servers that have the application installed, in id order. */
  abstract idsWithApplication(applicationId: string): Promise<string[]>;
}
