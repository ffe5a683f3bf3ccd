import { AggregateDiscardedError, NotFoundError, RevisionMismatchError } from '@servertree/ddd';
import { jsonOf } from '@servertree/ddd/testing';
import { SERVER_ID, eachServerCommand, UNKNOWN_ID } from '@servertree/servers/testing';
import { ServerModified } from '../../../domain/events/server-modified.event';
import { ModifyServerCommand } from './modify-server.command';
import { ModifyServerHandler } from './modify-server.handler';

describe('Modifying a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new ModifyServerHandler(deps.servers, deps.clock),
  );

  it('applies the change as the next revision and records the profile before and after', async () => {
    const acknowledgement = await handler.execute(
      new ModifyServerCommand(SERVER_ID, { ramMb: 16384, environment: 'production' }),
    );

    expect(acknowledgement).toMatchObject({ id: SERVER_ID, revision: 2 });
    expect(acknowledgement.aggregate.profile.toJSON().ramMb).toBe(16384);
    expect((await fixture.servers.findById(SERVER_ID))?.profile.toJSON().ramMb).toBe(16384);
    const [event] = fixture.servers.savedEvents;
    expect(event).toBeInstanceOf(ServerModified);
    expect(event.revision).toBe(2);
    expect(jsonOf(event.data)).toMatchObject({
      before: { ramMb: 8192, environment: 'production' },
      after: { ramMb: 16384, environment: 'production' },
    });
  });

  it('keeps the revision and records nothing when nothing changes', async () => {
    const acknowledgement = await handler.execute(
      new ModifyServerCommand(SERVER_ID, { name: 'web-01', cpuCores: 4 }),
    );
    expect(acknowledgement.revision).toBe(1);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

  it('refuses a change conditional on another revision, and changes nothing', async () => {
    await expect(
      handler.execute(new ModifyServerCommand(SERVER_ID, { ramMb: 1 }, 3)),
    ).rejects.toThrow(RevisionMismatchError);
    expect((await fixture.servers.findById(SERVER_ID))?.profile.toJSON().ramMb).toBe(8192);
  });

  it('answers not found for an unknown server', async () => {
    await expect(
      handler.execute(new ModifyServerCommand(UNKNOWN_ID, { ramMb: 1 })),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses to change a discarded server', async () => {
    const server = (await fixture.servers.findById(SERVER_ID))!;
    server.discard(fixture.clock.now());
    await fixture.servers.save(server);

    await expect(handler.execute(new ModifyServerCommand(SERVER_ID, { ramMb: 1 }))).rejects.toThrow(
      AggregateDiscardedError,
    );
  });
});
