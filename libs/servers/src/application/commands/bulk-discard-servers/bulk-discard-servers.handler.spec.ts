import { AggregateDiscardedError, NotFoundError } from '@servertree/ddd';
import { failuresOf } from '@servertree/ddd/testing';
import { SERVER_ID, eachServerCommand, UNKNOWN_ID } from '@servertree/servers/testing';
import { ServerDiscarded } from '../../../domain/events/server-discarded.event';
import { BulkDiscardServersCommand } from './bulk-discard-servers.command';
import { BulkDiscardServersHandler } from './bulk-discard-servers.handler';

describe('Discarding servers in bulk', () => {
  const { fixture, handler: discard } = eachServerCommand(
    (deps) => new BulkDiscardServersHandler(deps.servers, deps.clock),
  );

  it('discards every server named, each with an event of its own', async () => {
    const acknowledgements = await discard.execute(new BulkDiscardServersCommand([SERVER_ID]));
    expect(acknowledgements).toEqual([{ id: SERVER_ID, revision: 2 }]);
    expect((await fixture.servers.findById(SERVER_ID))?.discarded).toBe(true);
    expect(fixture.servers.savedEvents).toEqual([expect.any(ServerDiscarded)]);
  });

  it('names an unknown id and discards nothing', async () => {
    const failures = await failuresOf(
      discard.execute(new BulkDiscardServersCommand([SERVER_ID, UNKNOWN_ID])),
    );
    expect(failures.map(({ field, error }) => [field, error.constructor])).toEqual([
      ['ids[1]', NotFoundError],
    ]);
    expect((await fixture.servers.findById(SERVER_ID))?.discarded).toBe(false);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

  it('names a server that is discarded already', async () => {
    await discard.execute(new BulkDiscardServersCommand([SERVER_ID]));
    const failures = await failuresOf(discard.execute(new BulkDiscardServersCommand([SERVER_ID])));
    expect(failures.map(({ field, error }) => [field, error.constructor])).toEqual([
      ['ids[0]', AggregateDiscardedError],
    ]);
  });
});
