import { eachCommandWith, FixedClock } from '@servertree/ddd/testing';
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

/** `eachServerCommand(build, registration?)`: a fresh fixture and handler before each test. */
export const eachServerCommand = eachCommandWith(serverCommandFixture);

/**
 * eachServerCommand for the commands on one credential: the server is registered with one,
 * whose id `credential.id` gives (read inside a test, like the other handles).
 */
export function eachCredentialCommand<H extends object>(
  build: (fixture: ServerCommandFixture) => H,
): {
  readonly fixture: ServerCommandFixture;
  readonly handler: H;
  readonly credential: { readonly id: string };
} {
  const { fixture, handler } = eachServerCommand(build, {
    credentials: [ServerMother.credential()],
  });
  const credential = {
    get id(): string {
      return fixture.server.credentials[0].id;
    },
  };
  return { fixture, handler, credential };
}
