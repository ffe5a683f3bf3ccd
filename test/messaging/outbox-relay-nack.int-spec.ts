import { Identifier } from '@servertree/ddd';
import { CloudEvent, OutboxRecord } from '@servertree/messaging';
import { eventually } from '../support/eventually';
import { useMessagingContextOnBroker } from '../support/messaging-context';

const AGGREGATES = 30;
/** 1,500 events in all: several of the relay's batches, and the refused one in the middle of one. */
const REVISIONS = 50;
/** The first aggregate's revision 20, the 571st event stored, is the one the broker refuses. */
const REFUSED_REVISION = 20;
const REFUSED_TYPE = 'test.thing.refused';

describe('Outbox relay when the broker nacks one event of a batch (MariaDB + RabbitMQ)', () => {
  const { m, broker, queue } = useMessagingContextOnBroker('relay_nack', []);

  /** Revisions 1..REVISIONS of each aggregate, interleaved, stored by one statement. */
  async function storeEvents(): Promise<string> {
    const aggregates = Array.from({ length: AGGREGATES }, () => Identifier.generate());
    const rows = [];
    for (let revision = 1; revision <= REVISIONS; revision += 1) {
      for (const aggregateId of aggregates) {
        const refused = aggregateId === aggregates[0] && revision === REFUSED_REVISION;
        rows.push({
          id: Identifier.generate(),
          type: refused ? REFUSED_TYPE : 'test.thing.changed',
          aggregateType: 'thing',
          aggregateId,
          aggregateRevision: revision,
          occurredAt: new Date(),
          correlationId: 'relay-nack',
          actor: 'test',
          data: '{}',
        });
      }
    }
    await m.dataSource.getRepository(OutboxRecord).insert(rows);
    return rows.find((row) => row.type === REFUSED_TYPE)!.id;
  }

  function stored(): Promise<OutboxRecord[]> {
    return m.dataSource.getRepository(OutboxRecord).find({ order: { sequence: 'ASC' } });
  }

  /** How many events before and from the refused one (in sequence order) are marked published. */
  async function marked(refusedId: string) {
    const events = await stored();
    const refusedAt = events.findIndex((event) => event.id === refusedId);
    const isMarked = (event: OutboxRecord) => event.publishedAt !== null;
    return {
      before: events.slice(0, refusedAt).filter(isMarked).length,
      fromRefused: events.slice(refusedAt).filter(isMarked).length,
      refusedAt,
    };
  }

  it('marks nothing from the refused event on until the broker takes it, then everything in order', async () => {
    const refuse = await broker.refuse(REFUSED_TYPE);
    const refusedId = await storeEvents();

    // The events after the refused one were confirmed too (only the refusing queue rejects);
    // marking them would let a later revision of its aggregate count as delivered before it.
    await eventually(async () => {
      const { before, fromRefused, refusedAt } = await marked(refusedId);
      expect({ before, fromRefused }).toEqual({ before: refusedAt, fromRefused: 0 });
    });
    // The relay retries (each attempt routes the refused event to the listening queue as well)
    // and still marks nothing past it.
    await queue.until(
      (messages) => messages.filter((message) => message.event.id === refusedId).length >= 3,
      15_000,
    );
    const { before, fromRefused, refusedAt } = await marked(refusedId);
    expect({ before, fromRefused }).toEqual({ before: refusedAt, fromRefused: 0 });

    const liftedAt = Date.now();
    await refuse();
    const events = await eventually(async () => {
      const all = await stored();
      expect(all.filter((event) => event.publishedAt === null)).toHaveLength(0);
      return all;
    }, 20_000);

    // Marked in sequence order: no event counts as published before any event stored before it.
    const markedEarlier = events.filter(
      (event, index) => index > 0 && event.publishedAt! < events[index - 1].publishedAt!,
    );
    expect(markedEarlier).toHaveLength(0);
    expect(events[refusedAt].publishedAt!.getTime()).toBeGreaterThanOrEqual(liftedAt);

    // On the wire, each aggregate's first deliveries came in revision order, every event once
    // at least.
    const firstArrivals = new Map<string, CloudEvent>();
    for (const { event } of queue.messages) {
      if (!firstArrivals.has(event.id)) firstArrivals.set(event.id, event);
    }
    expect(firstArrivals.size).toBe(AGGREGATES * REVISIONS);
    const lastRevision = new Map<string, number>();
    const outOfOrder = [...firstArrivals.values()].filter((event) => {
      const previous = lastRevision.get(event.subject) ?? 0;
      lastRevision.set(event.subject, event.aggregaterevision);
      return event.aggregaterevision !== previous + 1;
    });
    expect(outOfOrder).toHaveLength(0);
  });
});
