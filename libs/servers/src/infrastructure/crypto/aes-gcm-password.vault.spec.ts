import { inspect } from 'node:util';
import { Password } from '../../domain/credentials/password';
import { SealedPassword } from '../../domain/credentials/sealed-password.value-object';
import { AesGcmPasswordVault } from './aes-gcm-password.vault';
import { EncryptionKey, KeyRing } from '@servertree/platform';

const SECRET = 'correct horse battery staple – ünïcødé 🔑';

describe('AesGcmPasswordVault', () => {
  const oldKey = EncryptionKey.generate();
  const newKey = EncryptionKey.generate();

  it('opens what it sealed', () => {
    const vault = new AesGcmPasswordVault(new KeyRing(oldKey));
    expect(vault.reveal(vault.seal(Password.create(SECRET))).plaintext()).toBe(SECRET);
  });

  it('names the sealing key and hides the password, differently on every seal', () => {
    const vault = new AesGcmPasswordVault(new KeyRing(oldKey));
    const first = vault.seal(Password.create(SECRET));
    const second = vault.seal(Password.create(SECRET));

    expect(first.keyId).toBe(oldKey.id);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.ciphertext, 'base64').toString('latin1')).not.toContain('horse');
  });

  it('after a rotation, seals with the new key and still opens what the old one sealed', () => {
    const sealedBefore = new AesGcmPasswordVault(new KeyRing(oldKey)).seal(Password.create(SECRET));
    const rotated = new AesGcmPasswordVault(new KeyRing(newKey, [oldKey]));

    expect(rotated.reveal(sealedBefore).plaintext()).toBe(SECRET);
    const sealedAfter = rotated.seal(Password.create(SECRET));
    expect(sealedAfter.keyId).toBe(newKey.id);
    expect(rotated.reveal(sealedAfter).plaintext()).toBe(SECRET);
  });

  it('says which key is missing once the old key is dropped, without the password', () => {
    const sealed = new AesGcmPasswordVault(new KeyRing(oldKey)).seal(Password.create(SECRET));
    const vault = new AesGcmPasswordVault(new KeyRing(newKey));
    expect(() => vault.reveal(sealed)).toThrow(
      `no configured credentials key has id ${oldKey.id}; put the key that sealed this secret into CREDENTIALS_PREVIOUS_KEYS`,
    );
  });

  it('refuses a ciphertext that was tampered with', () => {
    const vault = new AesGcmPasswordVault(new KeyRing(oldKey));
    const sealed = vault.seal(Password.create(SECRET));
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => vault.reveal(SealedPassword.of(sealed.keyId, bytes.toString('base64')))).toThrow(
      /authenticate/,
    );
  });
});

describe('EncryptionKey', () => {
  it('reads exactly 32 bytes of base64 and derives the same id from the same key', () => {
    const key = EncryptionKey.generate();
    const again = EncryptionKey.fromBase64(key.toBase64());
    expect(again?.id).toBe(key.id);
    expect(again?.material().equals(key.material())).toBe(true);
  });

  it.each([
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', `${'!'.repeat(43)}=`],
    ['base64 with junk', `${Buffer.alloc(32, 1).toString('base64')}#`],
    ['empty', ''],
  ])('refuses %s', (_, encoded) => {
    expect(EncryptionKey.fromBase64(encoded)).toBeUndefined();
  });

  it('never prints its material', () => {
    const key = EncryptionKey.generate();
    expect(JSON.stringify(key)).not.toContain(key.toBase64());
    expect(inspect(key, { showHidden: true })).not.toContain(key.toBase64());
  });
});
