import { EventBus } from '@nestjs/cqrs';
import { ConcurrentModificationError, DomainEvent, Identifier } from '@servertree/ddd';
import { UnitOfWork } from '@servertree/platform';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { ApplicationAlreadyRegisteredError } from '../../domain/application-already-registered.error';
import { Application } from '../../domain/application.aggregate';
import { ApplicationRepository } from '../../domain/application.repository.port';
import { ApplicationMother } from '../../testing/application.mother';

const T0 = new Date('2026-03-01T10:00:00.123Z');
const T1 = new Date('2026-03-02T10:00:00.456Z');

describe.each(['mysql', 'sqlite'] as const)('TypeOrmApplicationRepository on %s', (database) => {
  let t: TestApp;
  let repository: ApplicationRepository;
  let unitOfWork: UnitOfWork;
  const announced: DomainEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp({ database });
    repository = t.app.get(ApplicationRepository);
    unitOfWork = t.app.get(UnitOfWork);
    t.app.get(EventBus).subscribe((event) => announced.push(event as DomainEvent));
  });

  afterAll(async () => {
    await t?.close();
  });

  const inCommand = <T>(work: () => Promise<T>): Promise<T> => unitOfWork.run(work);

  /**

   * The save's own refusal, caught inside the unit of work: left to it, a lost revision check

   * would run the save again (ADR 4) - on an aggregate whose events the first attempt took.

   */

  const refusalOf = (work: () => Promise<unknown>): Promise<unknown> =>
    inCommand(() =>
      work().then(
        () => undefined,

        (error: unknown) => error,
      ),
    );

  function newApplication(name: string): Application {
    return Application.register(Identifier.generate(), ApplicationMother.details({ name }), T0);
  }

  async function storedEvents(id: string): Promise<{ type: string; aggregate_revision: number }[]> {
    return t.dataSource.query(
      'SELECT type, aggregate_revision FROM outbox WHERE aggregate_id = ? ORDER BY sequence',
      [id],
    );
  }

  it('saves a new aggregate with its event and loads it back whole', async () => {
    const application = newApplication('saved');
    await inCommand(() => repository.save(application));

    const loaded = await repository.findById(application.id);
    expect(loaded?.toJSON()).toEqual(application.toJSON());
    expect(loaded).toMatchObject({
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      discarded: false,
    });
    expect(loaded?.persistedRevision).toBe(1);
    expect(await storedEvents(application.id)).toEqual([
      { type: 'server.application.registered', aggregate_revision: 1 },
    ]);
  });

  it('announces events on the EventBus only after commit', async () => {
    const application = newApplication('announced');
    const seenInside: number[] = [];

    await inCommand(async () => {
      await repository.save(application);
      seenInside.push(announced.filter((e) => e.aggregateId === application.id).length);
    });

    expect(seenInside).toEqual([0]);
    expect(announced.filter((e) => e.aggregateId === application.id)).toHaveLength(1);
  });

  it('leaves neither row nor event nor announcement when the command fails after saving', async () => {
    const application = newApplication('rolled-back');

    await expect(
      inCommand(async () => {
        await repository.save(application);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');

    expect(await repository.findById(application.id)).toBeUndefined();
    expect(await storedEvents(application.id)).toEqual([]);
    expect(announced.filter((e) => e.aggregateId === application.id)).toEqual([]);
  });

  it('refuses to overwrite a newer revision (optimistic concurrency) and writes no event', async () => {
    const application = newApplication('contended');
    await inCommand(() => repository.save(application));
    const first = (await repository.findById(application.id))!;
    const second = (await repository.findById(application.id))!;

    first.modify({ version: '2' }, T1);
    await inCommand(() => repository.save(first));
    second.modify({ version: '3' }, T1);

    expect(await refusalOf(() => repository.save(second))).toBeInstanceOf(
      ConcurrentModificationError,
    );
    expect((await repository.findById(application.id))?.version.value).toBe('2');
    expect((await storedEvents(application.id)).map((e) => e.aggregate_revision)).toEqual([1, 2]);
  });

  it('turns the unique index into ApplicationAlreadyRegisteredError, case-insensitively', async () => {
    await inCommand(() => repository.save(newApplication('Unique')));
    await expect(inCommand(() => repository.save(newApplication('UNIQUE')))).rejects.toThrow(
      ApplicationAlreadyRegisteredError,
    );
  });

  it('lets a discarded identity be registered again (the unique index ignores discarded rows)', async () => {
    const original = newApplication('reusable');
    await inCommand(() => repository.save(original));
    const discarded = (await repository.findById(original.id))!;
    discarded.discard(T1);
    await inCommand(() => repository.save(discarded));

    await inCommand(() => repository.save(newApplication('reusable')));
    const again = newApplication('reusable');
    await expect(inCommand(() => repository.save(again))).rejects.toThrow(
      ApplicationAlreadyRegisteredError,
    );
  });

  it('keeps timestamps to the millisecond in UTC', async () => {
    const application = newApplication('timestamps');
    await inCommand(() => repository.save(application));
    const loaded = await repository.findById(application.id);
    expect(loaded?.createdAt.toISOString()).toBe(T0.toISOString());
  });
});
