import {
  AggregateDiscardedError,
  Identifier,
  NotFoundError,
  RevisionMismatchError,
} from '@servertree/ddd';
import { FixedClock } from '@servertree/ddd/testing';
import {
  APPLICATION_ID,
  ApplicationMother,
  InMemoryApplicationRepository,
} from '@servertree/catalog/testing';
import { Application } from '../../../domain/application.aggregate';
import { ApplicationDiscarded } from '../../../domain/events/application-discarded.event';
import { DiscardApplicationCommand } from './discard-application.command';
import { DiscardApplicationHandler } from './discard-application.handler';

describe('Discarding an application', () => {
  const clock = new FixedClock();
  let applications: InMemoryApplicationRepository;
  let handler: DiscardApplicationHandler;

  beforeEach(() => {
    applications = new InMemoryApplicationRepository().given(ApplicationMother.registered());
    handler = new DiscardApplicationHandler(applications, clock);
  });

  it('keeps the application, marked discarded, and records the discard', async () => {
    const acknowledgement = await handler.execute(new DiscardApplicationCommand(APPLICATION_ID));

    expect(acknowledgement).toEqual({ id: APPLICATION_ID, revision: 2 });
    expect((await applications.findById(APPLICATION_ID))?.discarded).toBe(true);
    expect(applications.savedEvents).toEqual([expect.any(ApplicationDiscarded)]);
    expect(applications.savedEvents[0].revision).toBe(2);
  });

  it('frees its name, version and architecture for a new registration', async () => {
    await handler.execute(new DiscardApplicationCommand(APPLICATION_ID));
    const successor = Application.register(
      Identifier.generate(),
      ApplicationMother.details(),
      clock.now(),
    );
    await applications.save(successor);
    expect(applications.savedEvents.map((event) => event.aggregateId)).toEqual([
      APPLICATION_ID,
      successor.id,
    ]);
  });

  it('refuses to discard an application twice', async () => {
    await handler.execute(new DiscardApplicationCommand(APPLICATION_ID));
    await expect(handler.execute(new DiscardApplicationCommand(APPLICATION_ID))).rejects.toThrow(
      AggregateDiscardedError,
    );
    expect(applications.savedEvents).toHaveLength(1);
  });

  it('refuses a discard conditional on another revision', async () => {
    await expect(handler.execute(new DiscardApplicationCommand(APPLICATION_ID, 2))).rejects.toThrow(
      RevisionMismatchError,
    );
    expect((await applications.findById(APPLICATION_ID))?.discarded).toBe(false);
  });

  it('answers not found for an unknown application', async () => {
    await expect(
      handler.execute(new DiscardApplicationCommand(ApplicationMother.another().id)),
    ).rejects.toThrow(NotFoundError);
  });
});
