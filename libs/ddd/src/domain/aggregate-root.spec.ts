import { AggregateLifecycle, AggregateRoot, unregistered } from './aggregate-root';
import { DomainEvent } from './domain-event';
import { AggregateDiscardedError } from './errors';

class Renamed extends DomainEvent<{ name: string }> {}

class Thing extends AggregateRoot {
  protected readonly aggregateType = 'Thing';

  constructor(lifecycle: AggregateLifecycle) {
    super('0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b', lifecycle);
  }

  rename(name: string, at: Date): void {
    this.assertNotDiscarded();
    this.recordChange(Renamed, { name }, at);
  }

  discard(at: Date): void {
    this.markDiscarded();
    this.recordChange(Renamed, { name: 'gone' }, at);
  }
}

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');

describe('AggregateRoot', () => {
  it('starts unregistered at revision 0 and is new', () => {
    const thing = new Thing(unregistered(T0));
    expect(thing.revision).toBe(0);
    expect(thing.isNew).toBe(true);
  });

  it('bumps the revision by one per recorded change and stamps the event with it', () => {
    const thing = new Thing({ revision: 4, createdAt: T0, updatedAt: T0, discarded: false });

    thing.rename('b', T1);

    expect(thing.revision).toBe(5);
    expect(thing.persistedRevision).toBe(4);
    expect(thing.updatedAt).toEqual(T1);
    expect(thing.pullEvents()).toMatchObject([
      { revision: 5, occurredAt: T1, data: { name: 'b' } },
    ]);
  });

  it('gives every event a distinct UUID v7 id', () => {
    const a = new Thing(unregistered(T0));
    const b = new Thing(unregistered(T0));
    a.rename('a', T1);
    b.rename('b', T1);
    const [ea] = a.pullEvents();
    const [eb] = b.pullEvents();
    expect(ea.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ea.id).not.toBe(eb.id);
  });

  it('refuses a second change in the same command: one command, one revision, one event', () => {
    const thing = new Thing(unregistered(T0));
    thing.rename('a', T1);
    expect(() => thing.rename('b', T1)).toThrow(/already recorded a change/);
  });

  it('refuses commands once discarded', () => {
    const thing = new Thing(unregistered(T0));
    thing.discard(T1);
    thing.pullEvents();
    expect(() => thing.rename('x', T1)).toThrow(AggregateDiscardedError);
  });
});
