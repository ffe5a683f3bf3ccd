import { FixedClock } from '@servertree/ddd/testing';
import { ApplicationCatalogueLoader } from '../application/application-catalogue.loader';
import { ServerRegistration } from '../domain/server.aggregate';
import { fixedApplicationDirectory } from './fixed-application-catalogue';
import { InMemoryServerRepository } from './in-memory-server.repository';
import { ReversiblePasswordVault } from './reversible-password-vault';
import { ServerMother } from './server.mother';

/**
 * What a server command handler depends on, in memory: the repository holding the mother's
 * registered server (SERVER_ID, revision 1, registered with `registration`), a readable vault,
 * the fixed catalogue and a fixed clock.
 */
export function serverCommandFixture(registration: Partial<ServerRegistration> = {}) {
  const vault = new ReversiblePasswordVault();
  const server = ServerMother.registered(registration, vault);
  return {
    server,
    servers: new InMemoryServerRepository().given(server),
    vault,
    catalogueLoader: new ApplicationCatalogueLoader(fixedApplicationDirectory),
    clock: new FixedClock(),
  };
}

export type ServerCommandFixture = ReturnType<typeof serverCommandFixture>;

/**
 * A fresh fixture, and the handler under test built on it, before each test of the enclosing
 * describe, so a spec states only how its handler is built. The two handles forward to the
 * running test's instances; touching them outside a test is a mistake in the spec, said loudly.
 */
export function eachServerCommand<H extends object>(
  build: (fixture: ServerCommandFixture) => H,
  registration: Partial<ServerRegistration> = {},
): { readonly fixture: ServerCommandFixture; readonly handler: H } {
  let current: { fixture: ServerCommandFixture; handler: H } | undefined;
  beforeEach(() => {
    const fixture = serverCommandFixture(registration);
    current = { fixture, handler: build(fixture) };
  });
  const forward = <T extends object>(pick: (of: NonNullable<typeof current>) => T): T =>
    new Proxy({} as T, {
      get(_target, property) {
        if (!current) throw new Error('eachServerCommand: the fixture exists only inside a test');
        return Reflect.get(pick(current), property);
      },
    });
  return { fixture: forward((of) => of.fixture), handler: forward((of) => of.handler) };
}
