import { CredentialDetails } from '../domain/credentials/credential.entity';
import { ServerRegistration, Server } from '../domain/server.aggregate';
import { ServerDetails } from '../domain/server-profile.value-object';
import { fixedApplicationCatalogue } from './fixed-application-catalogue';
import { ReversiblePasswordVault } from './reversible-password-vault';

export const SERVER_ID = '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b';
export const REGISTERED_AT = new Date('2026-01-01T00:00:00Z');

/** Object mother: a valid server, credential or registration unless a test says otherwise. */
export const ServerMother = {
  registration(overrides: Partial<ServerRegistration> = {}): ServerRegistration {
    return {
      name: 'web-01',
      cpuCores: 4,
      ramMb: 8192,
      diskGb: 200,
      environment: 'production',
      operatingSystem: { name: 'Ubuntu', version: '24.04', architecture: 'x86_64' },
      ...overrides,
    };
  },

  /**
   * A change to a registered server's profile: the name sent unchanged, RAM grown, the core
   * count forgotten and the operating system upgraded.
   */
  modification(): Partial<ServerDetails> {
    return {
      name: 'web-01',
      ramMb: 16384,
      cpuCores: null,
      operatingSystem: { name: 'Ubuntu', version: '24.10', architecture: 'x86_64' },
    };
  },

  credential(overrides: Partial<CredentialDetails> = {}): CredentialDetails {
    return {
      connectionType: 'ssh',
      username: 'deploy',
      password: 'correct horse battery staple',
      localIp: '10.0.0.5',
      localPort: 22,
      ...overrides,
    };
  },

  /** A registered server whose registration event has been taken already. */
  registered(
    overrides: Partial<ServerRegistration> = {},
    vault = new ReversiblePasswordVault(),
  ): Server {
    const server = Server.register(
      SERVER_ID,
      ServerMother.registration(overrides),
      { vault, catalogue: fixedApplicationCatalogue },
      REGISTERED_AT,
    );
    server.pullEvents();
    return server;
  },
};
