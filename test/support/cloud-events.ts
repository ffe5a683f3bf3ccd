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
