import type { Page } from '../list/list-criteria';
import type { PageRequest } from '../list/page-query.parser';
import type { CloudEvent } from './cloud-event';

/** Read access to the stored events of one aggregate. */
export abstract class EventHistory {
  /**
   * The aggregate's events in revision order (oldest first). A total of 0 means no such
   * aggregate of that type ever existed: registration always records an event.
   */
  abstract ofAggregate(
    aggregateType: string,
    aggregateId: string,
    page: PageRequest,
  ): Promise<Page<CloudEvent>>;
}
