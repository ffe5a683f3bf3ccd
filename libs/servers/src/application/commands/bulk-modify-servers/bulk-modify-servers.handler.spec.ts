import { NotFoundError, RevisionMismatchError } from '@servertree/ddd';
import { failuresOf } from '@servertree/ddd/testing';
import { SERVER_ID, eachServerCommand, UNKNOWN_ID } from '@servertree/servers/testing';
import { ServerModified } from '../../../domain/events/server-modified.event';
import { BulkModifyServersCommand } from './bulk-modify-servers.command';
import { BulkModifyServersHandler } from './bulk-modify-servers.handler';

describe('Modifying servers in bulk', () => {
  const { fixture, handler: modify } = eachServerCommand(
    (deps) => new BulkModifyServersHandler(deps.servers, deps.clock),
  );

  it('reports unknown and stale items with their kind, and changes nothing', async () => {
    const failures = await failuresOf(
      modify.execute(
        new BulkModifyServersCommand([
          { id: SERVER_ID, revision: 4, ramMb: 1 },
          { id: UNKNOWN_ID, ramMb: 1 },
        ]),
      ),
    );
    expect(failures.map(({ field, error }) => [field, error.constructor])).toEqual([
      ['items[0].revision', RevisionMismatchError],
      ['items[1].id', NotFoundError],
    ]);
    expect((await fixture.servers.findById(SERVER_ID))?.revision).toBe(1);
  });

  it('applies a change that names the current revision', async () => {
    const [acknowledgement] = await modify.execute(
      new BulkModifyServersCommand([{ id: SERVER_ID, revision: 1, tags: ['web'] }]),
    );
    expect(acknowledgement).toMatchObject({ id: SERVER_ID, revision: 2 });
    const [event] = fixture.servers.savedEvents as ServerModified[];
    expect(event.data.before.toJSON().tags).toEqual([]);
    expect(event.data.after.toJSON().tags).toEqual(['web']);
  });
});
