import { AggregateDiscardedError, NotFoundError, RevisionMismatchError } from '@servertree/ddd';
import { FixedClock, jsonOf } from '@servertree/ddd/testing';
import {
  APPLICATION_ID,
  ApplicationMother,
  InMemoryApplicationRepository,
} from '@servertree/catalog/testing';
import { ApplicationModified } from '../../../domain/events/application-modified.event';
import { ModifyApplicationCommand } from './modify-application.command';
import { ModifyApplicationHandler } from './modify-application.handler';

describe('Modifying an application', () => {
  const clock = new FixedClock();
  let applications: InMemoryApplicationRepository;
  let handler: ModifyApplicationHandler;

  beforeEach(() => {
    applications = new InMemoryApplicationRepository().given(ApplicationMother.registered());
    handler = new ModifyApplicationHandler(applications, clock);
  });

  it('applies the change as the next revision and records the description before and after', async () => {
    const acknowledgement = await handler.execute(
      new ModifyApplicationCommand(APPLICATION_ID, { version: '1.28.0' }),
    );

    expect(acknowledgement).toMatchObject({ id: APPLICATION_ID, revision: 2 });
    expect(acknowledgement.aggregate.version.value).toBe('1.28.0');
    const stored = await applications.findById(APPLICATION_ID);
    expect(stored?.version.value).toBe('1.28.0');
    expect(stored?.updatedAt).toEqual(clock.now());
    const [event] = applications.savedEvents;
    expect(event).toBeInstanceOf(ApplicationModified);
    expect(event.revision).toBe(2);
    expect(jsonOf(event.data)).toMatchObject({
      before: { version: '1.27.3' },
      after: { version: '1.28.0' },
    });
  });

  it('keeps the revision and records nothing when nothing changes', async () => {
    const acknowledgement = await handler.execute(
      new ModifyApplicationCommand(APPLICATION_ID, { name: '  nginx ' }),
    );

    expect(acknowledgement.revision).toBe(1);
    expect(applications.savedEvents).toEqual([]);
  });

  it('applies a change conditional on the current revision', async () => {
    await handler.execute(new ModifyApplicationCommand(APPLICATION_ID, { version: '2' }, 1));
    expect((await applications.findById(APPLICATION_ID))?.revision).toBe(2);
  });

  it('refuses a change conditional on another revision, and changes nothing', async () => {
    await expect(
      handler.execute(new ModifyApplicationCommand(APPLICATION_ID, { version: '2' }, 7)),
    ).rejects.toThrow(RevisionMismatchError);
    expect((await applications.findById(APPLICATION_ID))?.version.value).toBe('1.27.3');
    expect(applications.savedEvents).toEqual([]);
  });

  it('answers not found for an unknown application', async () => {
    const unknown = ApplicationMother.another().id;
    await expect(
      handler.execute(new ModifyApplicationCommand(unknown, { version: '2' })),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses to change a discarded application', async () => {
    const discarded = ApplicationMother.another();
    discarded.discard(clock.now());
    applications.given(discarded);

    await expect(
      handler.execute(new ModifyApplicationCommand(discarded.id, { version: '2' })),
    ).rejects.toThrow(AggregateDiscardedError);
  });
});
