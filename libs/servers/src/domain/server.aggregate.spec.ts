import {
  AggregateDiscardedError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
} from '@servertree/ddd';
import {
  DISCARDED_ID,
  fixedApplicationCatalogue,
  NGINX_ID,
  POSTGRES_ID,
  UNKNOWN_ID,
} from '../testing/fixed-application-catalogue';
import { ReversiblePasswordVault } from '../testing/reversible-password-vault';
import { REGISTERED_AT, SERVER_ID, ServerMother } from '../testing/server.mother';
import { jsonOf, violationsOf } from '@servertree/ddd/testing';
import { DuplicateCredentialError } from './credentials/duplicate-credential.error';
import { ServerDiscarded } from './events/server-discarded.event';
import { ServerModified } from './events/server-modified.event';
import { ServerRegistered } from './events/server-registered.event';
import { ServerStatusChanged } from './events/server-status-changed.event';
import { ApplicationListedTwiceError } from './installations/application-listed-twice.error';
import { DiscardedApplicationError } from './installations/discarded-application.error';
import { Server, ServerRegistration } from './server.aggregate';
import { ServerProfileValues } from './server-profile.value-object';

const T1 = new Date('2026-01-02T00:00:00Z');
const vault = new ReversiblePasswordVault();

const register = (overrides: Partial<ServerRegistration> = {}) =>
  Server.register(
    SERVER_ID,
    ServerMother.registration(overrides),
    { vault, catalogue: fixedApplicationCatalogue },
    REGISTERED_AT,
  );

describe('A server', () => {
  describe('when registered', () => {
    it('starts stopped at revision 1 and records the new server', () => {
      const server = register();
      const [event] = server.pullEvents();

      expect(event).toBeInstanceOf(ServerRegistered);
      expect(event).toMatchObject({
        aggregateId: SERVER_ID,
        revision: 1,
        occurredAt: REGISTERED_AT,
      });
      expect(jsonOf(event.data)).toEqual({
        profile: { ...ServerMother.registration(), tags: [] },
        status: 'stopped',
        credentials: [],
        applications: [],
      });
      expect(server.pullEvents()).toEqual([]);
    });

    it('takes credentials and applications along, in one event, passwords sealed', () => {
      const server = register({
        credentials: [
          ServerMother.credential(),
          ServerMother.credential({
            connectionType: 'rdp',
            localIp: '2001:DB8::5',
            publicPort: 3389,
          }),
        ],
        applications: [
          { applicationId: POSTGRES_ID, installDir: '/opt/pg', logDir: '/var/log/pg' },
          { applicationId: NGINX_ID.toUpperCase(), installDir: '/opt/nginx' },
        ],
      });
      const events = server.pullEvents();

      expect(events).toHaveLength(1);
      expect(jsonOf(events[0].data)).toMatchObject({
        credentials: [
          {
            id: expect.any(String),
            connectionType: 'ssh',
            username: 'deploy',
            localIp: '10.0.0.5',
            localPort: 22,
            publicIp: null,
            publicPort: null,
          },
          { connectionType: 'rdp', localIp: '2001:db8::5', publicPort: 3389 },
        ],
        applications: [
          {
            installation: { applicationId: NGINX_ID, installDir: '/opt/nginx', logDir: null },
            label: { name: 'nginx', version: '1.27.3', architecture: 'x86_64' },
          },
          {
            installation: {
              applicationId: POSTGRES_ID,
              installDir: '/opt/pg',
              logDir: '/var/log/pg',
            },
            label: { name: 'postgresql', version: '16.4', architecture: 'x86_64' },
          },
        ],
      });
      expect(JSON.stringify(events[0].data)).not.toContain('correct horse');
      expect(server.credentials.map((credential) => credential.password.keyId)).toEqual([
        'test-key',
        'test-key',
      ]);
    });

    it('reports every broken rule of the whole registration, each under its position', () => {
      const violations = violationsOf(() =>
        register({
          name: '',
          credentials: [
            ServerMother.credential(),
            ServerMother.credential({ username: 'b', localPort: 0 }),
            ServerMother.credential({ username: 'c', localIp: '999.1.1.1', password: '' }),
          ],
          applications: [{ applicationId: 'nginx', installDir: 'opt/nginx' }],
        }),
      );

      expect(violations.map((violation) => violation.field)).toEqual([
        'name',
        'credentials[1].localPort',
        'credentials[2].localIp',
        'credentials[2].password',
        'applications[0].applicationId',
        'applications[0].installDir',
      ]);
      expect(violations[1].message).toBe(
        'credentials[1].localPort must be between 1 and 65535 (got 0)',
      );
    });

    it('refuses two credentials for the same account', () => {
      expect(() =>
        register({ credentials: [ServerMother.credential(), ServerMother.credential()] }),
      ).toThrow(DuplicateCredentialError);
    });

    it('refuses an application listed twice', () => {
      const installation = { applicationId: NGINX_ID, installDir: '/opt/nginx' };
      expect(() => register({ applications: [installation, installation] })).toThrow(
        ApplicationListedTwiceError,
      );
    });

    it('refuses unknown and discarded applications', () => {
      expect(() =>
        register({ applications: [{ applicationId: UNKNOWN_ID, installDir: '/opt/x' }] }),
      ).toThrow(NotFoundError);
      expect(() =>
        register({ applications: [{ applicationId: DISCARDED_ID, installDir: '/opt/x' }] }),
      ).toThrow(DiscardedApplicationError);
    });

    it('judges the input before asking the catalogue', () => {
      expect(() =>
        register({ name: '', applications: [{ applicationId: UNKNOWN_ID, installDir: '/x' }] }),
      ).toThrow(InvalidInputError);
    });
  });

  describe('when modified', () => {
    it('records the profile before and after the change', () => {
      const server = ServerMother.registered();
      server.modify(ServerMother.modification(), T1);
      const [event] = server.pullEvents();

      expect(event).toBeInstanceOf(ServerModified);
      expect(event).toMatchObject({ revision: 2, occurredAt: T1 });
      const { before, after } = jsonOf(event.data) as Record<string, ServerProfileValues>;
      expect(before).toMatchObject({ cpuCores: 4, ramMb: 8192 });
      expect(after).toEqual({
        ...before,
        cpuCores: null,
        ramMb: 16384,
        operatingSystem: { name: 'Ubuntu', version: '24.10', architecture: 'x86_64' },
      });
      expect(server.profile.toJSON()).toMatchObject({ cpuCores: null, ramMb: 16384 });
      expect(server.updatedAt).toEqual(T1);
    });

    it('records nothing and keeps the revision when nothing changes', () => {
      const server = ServerMother.registered();
      server.modify({ name: ' web-01 ', environment: 'production' }, T1);
      expect(server.pullEvents()).toEqual([]);
      expect(server.revision).toBe(1);
    });

    it('changes nothing when a value is invalid', () => {
      const server = ServerMother.registered();
      expect(() => server.modify({ ramMb: 16384, environment: 'Prod' }, T1)).toThrow(
        InvalidInputError,
      );
      expect(server.profile.toJSON().ramMb).toBe(8192);
      expect(server.revision).toBe(1);
    });
  });

  describe('when its status changes', () => {
    it.each(['running', 'error', 'unknown'])('records stopped → %s', (status) => {
      const server = ServerMother.registered();
      server.changeStatus(status, T1);
      const [event] = server.pullEvents();
      expect(event).toBeInstanceOf(ServerStatusChanged);
      expect(event.revision).toBe(2);
      expect(jsonOf(event.data)).toEqual({ from: 'stopped', to: status });
      expect(server.status.value).toBe(status);
    });

    it('records nothing when the status stays', () => {
      const server = ServerMother.registered();
      server.changeStatus('stopped', T1);
      expect(server.pullEvents()).toEqual([]);
      expect(server.revision).toBe(1);
    });

    it.each([
      ['Running', 'status must be one of running, stopped, error, unknown (got "Running")'],
      [undefined, 'status is required'],
      [1, 'status must be a string'],
    ])('refuses %j', (status, message) => {
      expect(violationsOf(() => ServerMother.registered().changeStatus(status, T1))).toEqual([
        { field: 'status', message },
      ]);
    });
  });

  describe('when discarded', () => {
    it('records the discard with no data', () => {
      const server = ServerMother.registered();
      server.discard(T1);
      const [event] = server.pullEvents();
      expect(event).toBeInstanceOf(ServerDiscarded);
      expect(event).toMatchObject({ revision: 2, data: {} });
      expect(server.discarded).toBe(true);
    });

    it('leaves a server that refuses every command with a conflict', () => {
      const server = ServerMother.registered({
        credentials: [ServerMother.credential()],
        applications: [{ applicationId: NGINX_ID, installDir: '/opt/nginx' }],
      });
      server.discard(T1);
      server.pullEvents();
      const [credential] = server.credentials;
      const commands: (() => unknown)[] = [
        () => server.modify({ name: 'other' }, T1),
        () => server.changeStatus('running', T1),
        () => server.discard(T1),
        () => server.addCredential(ServerMother.credential({ username: 'x' }), vault, T1),
        () => server.modifyCredential(credential.id, { localPort: 2222 }, vault, T1),
        () => server.removeCredential(credential.id, T1),
        () => server.revealCredential(credential.id, vault, T1),
        () =>
          server.installApplication(
            { applicationId: POSTGRES_ID, installDir: '/opt/pg' },
            fixedApplicationCatalogue,
            T1,
          ),
        () => server.uninstallApplication(NGINX_ID, 'requested', T1),
      ];
      for (const command of commands) {
        expect(command).toThrow(AggregateDiscardedError);
        expect(command).toThrow(ConflictError);
      }
      expect(server.pullEvents()).toEqual([]);
      expect(server.revision).toBe(2);
    });
  });
});
