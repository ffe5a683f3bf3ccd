import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '@servertree/ddd';
import { UnitOfWork } from '@servertree/platform';
import { EntitySubscriberInterface } from 'typeorm';
import { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { useTestApp } from '../../../../../test/support/test-app';
import { Password } from '../../domain/credentials/password';
import { PasswordVault } from '../../domain/credentials/password-vault.port';
import { ServerNameTakenError } from '../../domain/server-name-taken.error';
import { Server, ServerRegistration } from '../../domain/server.aggregate';
import { ServerRepository } from '../../domain/server.repository.port';
import {
  fixedApplicationCatalogue,
  NGINX_ID,
  POSTGRES_ID,
} from '../../testing/fixed-application-catalogue';
import { ServerMother } from '../../testing/server.mother';
import { AesGcmPasswordVault } from '../crypto/aes-gcm-password.vault';
import { EncryptionKey, KeyRing } from '@servertree/platform';

const OLD_KEY = EncryptionKey.generate();
const NEW_KEY = EncryptionKey.generate();
const PASSWORD = 'correct horse battery staple';

/** The repository on the real MariaDB, inside the app's own unit of work. */
describe('TypeOrmServerRepository (MariaDB)', () => {
  const t = useTestApp({ env: { CREDENTIALS_KEY: OLD_KEY.toBase64() } });
  let repository: ServerRepository;
  let unitOfWork: UnitOfWork;
  let vault: PasswordVault;
  let statements: string[];

  beforeAll(async () => {
    repository = t.app.get(ServerRepository);
    unitOfWork = t.app.get(UnitOfWork);
    vault = t.app.get(PasswordVault);
    statements = [];
    const recorder: EntitySubscriberInterface = {
      beforeQuery: (event: BeforeQueryEvent<unknown>) => void statements.push(event.query),
    };
    t.dataSource.subscribers.push(recorder);
  });

  /** Runs `work` as a command would: in one transaction. */
  const inCommand = <T>(work: () => Promise<T>) => unitOfWork.run(work);
  /**
   * The save's own refusal, caught inside the unit of work: left to it, a lost revision check
   * would run the save again (ADR 4) - on an aggregate whose events the first attempt took.
   */
  const refusalOf = (work: () => Promise<unknown>): Promise<unknown> =>
    inCommand(() =>
      work().then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
  const load = (id: string) => inCommand(async () => (await repository.findById(id)) as Server);
  const now = () => new Date();

  async function registered(overrides: Partial<ServerRegistration> = {}): Promise<Server> {
    const server = Server.register(
      randomUUID(),
      ServerMother.registration({ name: `server-${randomUUID()}`, ...overrides }),
      { vault, catalogue: fixedApplicationCatalogue },
      now(),
    );
    await inCommand(() => repository.save(server));
    return server;
  }

  it('saves a server with its credentials and installations, and loads it whole', async () => {
    const saved = await registered({
      credentials: [
        ServerMother.credential(),
        ServerMother.credential({
          connectionType: 'rdp',
          publicIp: '2001:db8::9',
          publicPort: 3389,
        }),
      ],
      applications: [
        { applicationId: POSTGRES_ID, installDir: '/opt/pg', logDir: '/var/log/pg' },
        { applicationId: NGINX_ID, installDir: '/opt/nginx' },
      ],
    });
    const loaded = await load(saved.id);

    expect(loaded.profile.toJSON()).toEqual(saved.profile.toJSON());
    expect(loaded.status.value).toBe('stopped');
    expect(loaded.credentials.map((c) => c.toJSON())).toEqual(
      saved.credentials.map((c) => c.toJSON()),
    );
    expect(loaded.credentials.map((c) => c.password)).toEqual(
      saved.credentials.map((c) => c.password),
    );
    expect(loaded.installedApplications.map((i) => i.toJSON())).toEqual(
      saved.installedApplications.map((i) => i.toJSON()),
    );
    expect({ revision: loaded.revision, discarded: loaded.discarded }).toEqual({
      revision: 1,
      discarded: false,
    });
    expect(loaded.createdAt).toEqual(saved.createdAt);
    expect(loaded.revealCredential(loaded.credentials[1].id, vault, now()).plaintext()).toBe(
      PASSWORD,
    );
  });

  it('answers undefined for an unknown id', async () => {
    await expect(inCommand(() => repository.findById(randomUUID()))).resolves.toBeUndefined();
  });

  it('writes against the loaded revision: the second of two writers fails and stores nothing', async () => {
    const { id } = await registered();
    const first = await load(id);
    const second = await load(id);
    first.changeStatus('running', now());
    second.modify({ ramMb: 1 }, now());

    await inCommand(() => repository.save(first));
    expect(await refusalOf(() => repository.save(second))).toBeInstanceOf(
      ConcurrentModificationError,
    );

    const current = await load(id);
    expect({ revision: current.revision, ramMb: current.profile.toJSON().ramMb }).toEqual({
      revision: 2,
      ramMb: 8192,
    });
    const events = await t.dataSource.query(
      'SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY sequence',
      [id],
    );
    expect(events.map((event: { type: string }) => event.type)).toEqual([
      'server.server.registered',
      'server.server.status_changed',
    ]);
  });

  // Only the rows that changed, each by primary key: a range DELETE over the server's rows
  // would gap-lock and deadlock concurrent installs on neighbouring servers (issue 9).
  it('writes only the child rows a change touched', async () => {
    const { id } = await registered({
      credentials: [ServerMother.credential()],
      applications: [{ applicationId: NGINX_ID, installDir: '/opt/nginx' }],
    });
    const writesTo = async (change: (server: Server) => void) => {
      const server = await load(id);
      change(server);
      statements = [];
      await inCommand(() => repository.save(server));
      return statements.filter((sql) => /^(INSERT|DELETE)/i.test(sql)).map(tableOf);
    };

    expect(await writesTo((s) => s.changeStatus('error', now()))).toEqual(['outbox']);
    expect(await writesTo((s) => s.revealCredential(s.credentials[0].id, vault, now()))).toEqual([
      'outbox',
    ]);
    expect(
      await writesTo((s) =>
        s.addCredential(ServerMother.credential({ username: 'ops' }), vault, now()),
      ),
    ).toEqual(['server_credentials', 'outbox']);
    expect(
      await writesTo((s) =>
        s.installApplication(
          { applicationId: POSTGRES_ID, installDir: '/opt/pg' },
          fixedApplicationCatalogue,
          now(),
        ),
      ),
    ).toEqual(['server_applications', 'outbox']);
    expect((await load(id)).credentials).toHaveLength(2);
  });

  it('refuses a second live server of the same name, whatever its case', async () => {
    const { profile } = await registered();
    const twin = Server.register(
      randomUUID(),
      ServerMother.registration({ name: profile.toJSON().name.toUpperCase() }),
      { vault, catalogue: fixedApplicationCatalogue },
      now(),
    );
    await expect(inCommand(() => repository.save(twin))).rejects.toThrow(ServerNameTakenError);
  });

  describe('passwords at rest', () => {
    it('are stored as AES-GCM ciphertext named by the id of their key', async () => {
      const { id } = await registered({ credentials: [ServerMother.credential()] });
      const [row] = await t.dataSource.query(
        'SELECT key_id, password_ciphertext FROM server_credentials WHERE server_id = ?',
        [id],
      );
      expect(row.key_id).toBe(OLD_KEY.id);
      const bytes = Buffer.from(row.password_ciphertext, 'base64');
      // IV, tag and as many bytes as the UTF-8 password: encrypted, not encoded.
      expect(bytes).toHaveLength(12 + 16 + Buffer.byteLength(PASSWORD));
      expect(bytes.toString('latin1')).not.toContain('horse');
    });

    it('still open after a key rotation, while new ones are sealed with the new key', async () => {
      const { id } = await registered({ credentials: [ServerMother.credential()] });
      const rotated = new AesGcmPasswordVault(new KeyRing(NEW_KEY, [OLD_KEY]));

      const server = await load(id);
      server.addCredential(
        ServerMother.credential({ username: 'ops', password: 'newer secret' }),
        rotated,
        now(),
      );
      await inCommand(() => repository.save(server));

      const rows = await t.dataSource.query(
        'SELECT key_id FROM server_credentials WHERE server_id = ? ORDER BY id',
        [id],
      );
      expect(rows.map((row: { key_id: string }) => row.key_id)).toEqual([OLD_KEY.id, NEW_KEY.id]);
      const reloaded = await load(id);
      const revealed = reloaded.credentials.map((credential) =>
        rotated.reveal(credential.password).plaintext(),
      );
      expect(revealed).toEqual([PASSWORD, 'newer secret']);

      const withoutOldKey = new AesGcmPasswordVault(new KeyRing(NEW_KEY));
      expect(() => withoutOldKey.reveal(reloaded.credentials[0].password)).toThrow(
        /CREDENTIALS_PREVIOUS_KEYS/,
      );
      expect(withoutOldKey.reveal(reloaded.credentials[1].password)).toBeInstanceOf(Password);
    });
  });
});

/** The table an INSERT or DELETE statement writes to. */
function tableOf(sql: string): string {
  return /(?:INTO|FROM)\s+`?(\w+)`?/i.exec(sql)?.[1] ?? sql;
}
