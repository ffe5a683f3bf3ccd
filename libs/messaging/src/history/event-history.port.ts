import type { Page, PageRequest } from '@servertree/ddd';
import type { CloudEvent } from '../contracts/cloud-event';

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
