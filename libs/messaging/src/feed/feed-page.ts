import type { CloudEvent } from '../contracts/cloud-event';

/** A change-feed event: the CloudEvent as published, plus where it stands in the feed. */
export type FeedEvent = CloudEvent & { readonly sequence: number };

export interface FeedPage {
  readonly items: FeedEvent[];
  /** The cursor to ask with next; the one given when nothing new arrived. */
  readonly next: string;
}
