import type { CloudEvent } from '@servertree/messaging';
import type { TestApp } from './test-app';

/** What the revision checks read of a received CloudEvent, from the broker or a webhook. */
export interface ReceivedEvent {
  readonly event: {
    readonly id: string;
    readonly subject: string;
    readonly aggregaterevision: number;
  };
}

/**
 * Per subject (aggregate), the revisions received, in arrival order, each event id counted
 * once: at-least-once delivery may repeat an event, never reorder an aggregate's events.
 */
export function revisionsBySubject(received: readonly ReceivedEvent[]): Map<string, number[]> {
  const seen = new Set<string>();
  const revisions = new Map<string, number[]>();
  for (const { event } of received) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    revisions.set(event.subject, [
      ...(revisions.get(event.subject) ?? []),
      event.aggregaterevision,
    ]);
  }
  return revisions;
}

/** The change feed's first page (up to 1000) of events of `type` (a pattern allowed), as a reader asks. */
export async function feedPage(
  t: TestApp,
  type: string,
): Promise<{ items: (CloudEvent & { data: object })[] } & Record<string, unknown>> {
  const { body } = await t.http('reader').get('/api/v1/events').query({ type, limit: '1000' });
  return body;
}
