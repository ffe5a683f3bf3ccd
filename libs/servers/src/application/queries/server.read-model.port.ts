import { ListCriteria, Page } from '@servertree/ddd';
import type { ApplicationLabel } from '../../domain/installations/application-catalogue';
import { ServerSummary, ServerView } from './server.view';

/**
 * Query-side access: shaped for answers, no aggregates loaded. A page costs the same few
 * statements however many servers, credentials and installations it holds.
 */
export abstract class ServerReadModel {
  abstract findById(id: string): Promise<ServerView | undefined>;
  abstract list(criteria: ListCriteria): Promise<Page<ServerView>>;
  /**
   * Every server the criteria match, limit and offset ignored, page by page: memory stays
   * flat however many there are.
   */
  abstract exportAll(criteria: ListCriteria): AsyncIterable<readonly ServerSummary[]>;
  /** The catalogue's labels of the applications among `ids` that exist, by id. */
  abstract applicationLabels(ids: readonly string[]): Promise<Map<string, ApplicationLabel>>;
  /** Ids of the live servers that have the application installed, in id order. */
  abstract idsWithApplication(applicationId: string): Promise<string[]>;
}
