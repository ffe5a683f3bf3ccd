import { inspect } from 'node:util';
import { violationsOf } from '@servertree/ddd/testing';
import { Password } from './password';

const SECRET = 'hunter2 with spaces ';

describe('Password', () => {
  it('keeps the secret exactly as given, spaces included', () => {
    expect(Password.create(SECRET).plaintext()).toBe(SECRET);
  });

  it('prints as a placeholder however it is printed', () => {
    const password = Password.create(SECRET);
    for (const printed of [
      String(password),
      `${password}`,
      JSON.stringify({ password }),
      inspect(password, { showHidden: true, depth: 5 }),
    ]) {
      expect(printed).not.toContain('hunter2');
    }
  });

  it('compares by its secret', () => {
    expect(Password.create('a').equals(Password.create('a'))).toBe(true);
    expect(Password.create('a').equals(Password.create('A'))).toBe(false);
  });

  it.each([
    [undefined, 'password is required'],
    [null, 'password is required'],
    [1234, 'password must be a string'],
    ['', 'password must be 1–1024 characters long'],
    ['x'.repeat(1025), 'password must be 1–1024 characters long'],
  ])('refuses %j without telling anything about the value', (value, message) => {
    expect(violationsOf(() => Password.create(value))).toEqual([{ field: 'password', message }]);
  });

  it('accepts 1024 characters', () => {
    expect(Password.create('x'.repeat(1024)).plaintext()).toHaveLength(1024);
  });
});
