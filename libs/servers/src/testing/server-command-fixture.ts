import { FixedClock } from '@servertree/ddd/testing';
import { ApplicationCatalogueLoader } from '../application/application-catalogue.loader';
import { fixedApplicationDirectory } from './fixed-application-catalogue';
import { InMemoryServerRepository } from './in-memory-server.repository';
import { ReversiblePasswordVault } from './reversible-password-vault';
import { ServerMother } from './server.mother';

/**
 * What a server command handler depends on, in memory: the repository holding the mother's
 * registered server (SERVER_ID), a readable vault, the fixed catalogue and a fixed clock.
 */
export function serverCommandFixture() {
  const vault = new ReversiblePasswordVault();
  return {
    servers: new InMemoryServerRepository().given(ServerMother.registered({}, vault)),
    vault,
    catalogueLoader: new ApplicationCatalogueLoader(fixedApplicationDirectory),
    clock: new FixedClock(),
  };
}
