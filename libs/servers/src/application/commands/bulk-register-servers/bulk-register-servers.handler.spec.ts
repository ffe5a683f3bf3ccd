import { SERVER_ID, eachServerCommand } from '@servertree/servers/testing';
import { failuresOf } from '@servertree/ddd/testing';
import { BulkRegisterServersCommand } from './bulk-register-servers.command';
import { BulkRegisterServersHandler } from './bulk-register-servers.handler';

const OS = { name: 'Debian', version: '12', architecture: 'x86_64' };

describe('Registering servers in bulk', () => {
  const { fixture, handler: register } = eachServerCommand(
    (deps) =>
      new BulkRegisterServersHandler(deps.servers, deps.catalogueLoader, deps.vault, deps.clock),
  );

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

  it('keeps the stored server untouched', async () => {
    await failuresOf(
      register.execute(
        new BulkRegisterServersCommand([{ name: '', environment: 'dev', operatingSystem: OS }]),
      ),
    );
    expect((await fixture.servers.findById(SERVER_ID))?.revision).toBe(1);
  });
});
