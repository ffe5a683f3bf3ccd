import { AggregateDiscardedError, NotFoundError } from '@servertree/ddd';
import {
  fixedApplicationCatalogue,
  SERVER_ID,
  eachServerCommand,
  ServerMother,
  UNKNOWN_ID,
} from '@servertree/servers/testing';
import { ServerDiscarded } from '../../../domain/events/server-discarded.event';
import { Server } from '../../../domain/server.aggregate';
import { DiscardServerCommand } from './discard-server.command';
import { DiscardServerHandler } from './discard-server.handler';

describe('Discarding a server', () => {
  const { fixture, handler } = eachServerCommand(
    (deps) => new DiscardServerHandler(deps.servers, deps.clock),
  );

  it('keeps the server, marked discarded, and records the discard', async () => {
    expect(await handler.execute(new DiscardServerCommand(SERVER_ID))).toEqual({
      id: SERVER_ID,
      revision: 2,
    });
    expect((await fixture.servers.findById(SERVER_ID))?.discarded).toBe(true);
    expect(fixture.servers.savedEvents).toEqual([expect.any(ServerDiscarded)]);
  });

  it('frees its name for a new server', async () => {
    await handler.execute(new DiscardServerCommand(SERVER_ID));
    const successor = Server.register(
      UNKNOWN_ID,
      ServerMother.registration(),
      { vault: fixture.vault, catalogue: fixedApplicationCatalogue },
      fixture.clock.now(),
    );
    await fixture.servers.save(successor);
    expect(await fixture.servers.findById(UNKNOWN_ID)).toBeDefined();
  });

  it('refuses to discard a server twice', async () => {
    await handler.execute(new DiscardServerCommand(SERVER_ID));
    await expect(handler.execute(new DiscardServerCommand(SERVER_ID))).rejects.toThrow(
      AggregateDiscardedError,
    );
    expect(fixture.servers.savedEvents).toHaveLength(1);
  });

  it('answers not found for an unknown server', async () => {
    await expect(handler.execute(new DiscardServerCommand(UNKNOWN_ID))).rejects.toThrow(
      NotFoundError,
    );
  });
});
