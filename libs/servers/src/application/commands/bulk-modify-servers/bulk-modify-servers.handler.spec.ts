import { BatchRejectedError, NotFoundError, RevisionMismatchError } from '@servertree/ddd';
import { SERVER_ID, serverCommandFixture, UNKNOWN_ID } from '@servertree/servers/testing';
import { BulkRegisterServersCommand } from '../bulk-register-servers/bulk-register-servers.command';
import { BulkRegisterServersHandler } from '../bulk-register-servers/bulk-register-servers.handler';
import { BulkModifyServersCommand } from './bulk-modify-servers.command';
import { BulkModifyServersHandler } from './bulk-modify-servers.handler';

const OS = { name: 'Debian', version: '12', architecture: 'x86_64' };

describe('Modifying and registering servers in bulk', () => {
  let fixture: ReturnType<typeof serverCommandFixture>;
  let modify: BulkModifyServersHandler;
  let register: BulkRegisterServersHandler;

  beforeEach(() => {
    fixture = serverCommandFixture();
    modify = new BulkModifyServersHandler(fixture.servers, fixture.clock);
    register = new BulkRegisterServersHandler(
      fixture.servers,
      fixture.catalogueLoader,
      fixture.vault,
      fixture.clock,
    );
  });

  async function failuresOf(work: Promise<unknown>) {
    const error = await work.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatchRejectedError);
    return (error as BatchRejectedError).failures;
  }

  it('registers every item, one event each, in the given order', async () => {
    const acknowledgements = await register.execute(
      new BulkRegisterServersCommand([
        { name: 'a', environment: 'dev', operatingSystem: OS, tags: ['x'] },
        { name: 'b', environment: 'dev', operatingSystem: OS },
      ]),
    );
    expect(acknowledgements.map(({ revision }) => revision)).toEqual([1, 1]);
    expect(fixture.servers.savedEvents.map((event) => event.aggregateId)).toEqual(
      acknowledgements.map(({ id }) => id),
    );
  });

  it('registers nothing when one item clashes with a stored name, and names it', async () => {
    const failures = await failuresOf(
      register.execute(
        new BulkRegisterServersCommand([
          { name: 'fresh', environment: 'dev', operatingSystem: OS },
          { name: 'WEB-01', environment: 'dev', operatingSystem: OS },
        ]),
      ),
    );
    expect(failures.map(({ field }) => field)).toEqual(['items[1].name']);
    expect(fixture.servers.savedEvents).toEqual([]);
  });

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
    expect(acknowledgement).toEqual({ id: SERVER_ID, revision: 2 });
    expect(fixture.servers.savedEvents[0].data).toEqual({
      changes: { tags: { from: [], to: ['web'] } },
    });
  });
});
