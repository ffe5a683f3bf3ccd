import { NotFoundError } from '@servertree/ddd';
import { ReversiblePasswordVault } from '../testing/reversible-password-vault';
import { ServerMother } from '../testing/server.mother';
import { jsonOf, violationsOf } from '@servertree/ddd/testing';
import { DuplicateCredentialError } from './credentials/duplicate-credential.error';
import { CredentialAdded } from './events/credential-added.event';
import { CredentialModified } from './events/credential-modified.event';
import { CredentialRemoved } from './events/credential-removed.event';
import { CredentialRevealed } from './events/credential-revealed.event';
import { Server } from './server.aggregate';

const T1 = new Date('2026-01-02T00:00:00Z');
const PASSWORD = 'correct horse battery staple';
const MISSING_ID = '0196a0b4-3c1e-7d2f-9a8b-000000000000';

describe("A server's credentials", () => {
  let vault: ReversiblePasswordVault;
  let server: Server;

  beforeEach(() => {
    vault = new ReversiblePasswordVault();
    server = ServerMother.registered({}, vault);
  });

  /** A server with one credential, the adding event already taken. */
  function withCredential(): string {
    const credentialId = server.addCredential(ServerMother.credential(), vault, T1);
    server.pullEvents();
    return credentialId;
  }

  describe('when one is added', () => {
    it('seals the password and records the credential', () => {
      const credentialId = server.addCredential(
        ServerMother.credential({ publicIp: '203.0.113.9', publicPort: 2222 }),
        vault,
        T1,
      );
      const [event] = server.pullEvents();

      expect(event).toBeInstanceOf(CredentialAdded);
      expect(event.revision).toBe(2);
      expect(jsonOf(event.data)).toEqual({
        credential: {
          id: credentialId,
          connectionType: 'ssh',
          username: 'deploy',
          localIp: '10.0.0.5',
          localPort: 22,
          publicIp: '203.0.113.9',
          publicPort: 2222,
        },
      });
      expect(server.credentials[0].password.ciphertext).not.toContain(PASSWORD);
    });

    it('refuses a second credential for the same connection type and username', () => {
      withCredential();
      expect(() =>
        server.addCredential(ServerMother.credential({ localPort: 2222 }), vault, T1),
      ).toThrow(DuplicateCredentialError);
      expect(server.credentials).toHaveLength(1);
      expect(server.revision).toBe(2);
    });

    it('accepts the same username for another connection type, or another case', () => {
      withCredential();
      server.addCredential(ServerMother.credential({ connectionType: 'winrm' }), vault, T1);
      server.pullEvents();
      server.addCredential(ServerMother.credential({ username: 'Deploy' }), vault, T1);
      expect(server.credentials).toHaveLength(3);
    });

    it.each([
      [
        { connectionType: 'SSH' },
        'connectionType',
        'connectionType must be a slug: 1–32 lower-case letters, digits or hyphens, not starting with a hyphen (got "SSH")',
      ],
      [
        { username: ' ' },
        'username',
        'username must be 1–128 characters long after trimming (got 0)',
      ],
      [
        { username: 'u'.repeat(129) },
        'username',
        'username must be 1–128 characters long after trimming (got 129)',
      ],
      [{ localPort: 65536 }, 'localPort', 'localPort must be between 1 and 65535 (got 65536)'],
      [{ localPort: '22' }, 'localPort', 'localPort must be an integer'],
      [{ localPort: undefined }, 'localPort', 'localPort is required'],
      [{ publicPort: 0 }, 'publicPort', 'publicPort must be between 1 and 65535 (got 0)'],
      [{ localIp: undefined }, 'localIp', 'localIp is required'],
      [{ password: undefined }, 'password', 'password is required'],
    ])('refuses %j', (overrides, field, message) => {
      expect(
        violationsOf(() => server.addCredential(ServerMother.credential(overrides), vault, T1)),
      ).toEqual([{ field, message }]);
    });

    it('trims the username', () => {
      server.addCredential(ServerMother.credential({ username: ' root ' }), vault, T1);
      expect(server.credentials[0].username.value).toBe('root');
    });
  });

  describe('when one is modified', () => {
    it('records the credential before and after, and that the password was replaced', () => {
      const credentialId = withCredential();
      server.modifyCredential(
        credentialId,
        { localPort: 2222, publicIp: '2001:db8::1', password: 'new secret' },
        vault,
        T1,
      );
      const [event] = server.pullEvents();

      expect(event).toBeInstanceOf(CredentialModified);
      expect(event.revision).toBe(3);
      const { before, after, passwordReplaced } = jsonOf(event.data) as Record<string, object>;
      expect(passwordReplaced).toBe(true);
      expect(before).toMatchObject({ id: credentialId, localPort: 22, publicIp: null });
      expect(after).toEqual({ ...before, localPort: 2222, publicIp: '2001:db8::1' });
      expect(server.revealCredential(credentialId, vault, T1).plaintext()).toBe('new secret');
    });

    it('records nothing when the same values, password included, are sent again', () => {
      const credentialId = withCredential();
      server.modifyCredential(
        credentialId,
        { localIp: '10.0.0.5', localPort: 22, password: PASSWORD },
        vault,
        T1,
      );
      expect(server.pullEvents()).toEqual([]);
      expect(server.revision).toBe(2);
    });

    it('clears an optional field with null', () => {
      const credentialId = server.addCredential(
        ServerMother.credential({ publicPort: 2222 }),
        vault,
        T1,
      );
      server.pullEvents();
      server.modifyCredential(credentialId, { publicPort: null }, vault, T1);
      expect(server.credentials[0].toJSON().publicPort).toBeNull();
    });

    it('refuses a change that makes it a duplicate of another credential', () => {
      withCredential();
      const other = server.addCredential(ServerMother.credential({ username: 'ops' }), vault, T1);
      server.pullEvents();
      expect(() => server.modifyCredential(other, { username: 'deploy' }, vault, T1)).toThrow(
        DuplicateCredentialError,
      );
      expect(server.credentials.map((credential) => credential.username.value)).toEqual([
        'deploy',
        'ops',
      ]);
    });

    it('keeps its place among the credentials', () => {
      const first = withCredential();
      server.addCredential(ServerMother.credential({ username: 'ops' }), vault, T1);
      server.pullEvents();
      server.modifyCredential(first, { username: 'zz' }, vault, T1);
      expect(server.credentials.map((credential) => credential.id)[0]).toBe(first);
    });

    it('replaces the password but never removes it', () => {
      const credentialId = withCredential();
      expect(
        violationsOf(() => server.modifyCredential(credentialId, { password: null }, vault, T1)),
      ).toEqual([{ field: 'password', message: 'password is required' }]);
    });

    it('refuses invalid values and keeps the credential as it was', () => {
      const credentialId = withCredential();
      expect(
        violationsOf(() =>
          server.modifyCredential(credentialId, { localIp: 'x', password: '' }, vault, T1),
        ).map((violation) => violation.field),
      ).toEqual(['localIp', 'password']);
      expect(server.credentials[0].toJSON().localIp).toBe('10.0.0.5');
    });
  });

  describe('when one is removed', () => {
    it('records the removal', () => {
      const credentialId = withCredential();
      server.removeCredential(credentialId, T1);
      const [event] = server.pullEvents();
      expect(event).toBeInstanceOf(CredentialRemoved);
      expect(event).toMatchObject({
        revision: 3,
        data: { credentialId },
      });
      expect(server.credentials).toEqual([]);
    });
  });

  describe('when its password is revealed', () => {
    it('answers the password and records who asked as a change', () => {
      const credentialId = withCredential();
      expect(server.revealCredential(credentialId, vault, T1).plaintext()).toBe(PASSWORD);
      const [event] = server.pullEvents();
      expect(event).toBeInstanceOf(CredentialRevealed);
      expect(event).toMatchObject({
        revision: 3,
        occurredAt: T1,
        data: { credentialId },
      });
    });
  });

  it.each([
    [
      'modify',
      (s: Server, v: ReversiblePasswordVault) => s.modifyCredential(MISSING_ID, {}, v, T1),
    ],
    ['remove', (s: Server) => s.removeCredential(MISSING_ID, T1)],
    ['reveal', (s: Server, v: ReversiblePasswordVault) => s.revealCredential(MISSING_ID, v, T1)],
  ])('%s of an unknown credential is not found', (_, command) => {
    withCredential();
    expect(() => command(server, vault)).toThrow(NotFoundError);
    expect(server.pullEvents()).toEqual([]);
  });
});
