import { ListCriteria, Page } from '@servertree/ddd';
import { ApplicationView } from './application.view';

/** Query-side access: shaped for answers, no aggregates loaded. */
export abstract class ApplicationReadModel {
  abstract findById(id: string): Promise<ApplicationView | undefined>;
  abstract list(criteria: ListCriteria): Promise<Page<ApplicationView>>;
  /** Every application the criteria match, limit and offset ignored, page by page. */
  abstract exportAll(criteria: ListCriteria): AsyncIterable<readonly ApplicationView[]>;
}
