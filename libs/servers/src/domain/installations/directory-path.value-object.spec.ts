import { violationsOf } from '@servertree/ddd/testing';
import { DirectoryPath } from './directory-path.value-object';

describe('DirectoryPath', () => {
  it.each([
    '/',
    '/opt/nginx',
    '/var/log/my app/',
    'C:\\Program Files\\App',
    'd:/apps/x',
    'C:\\',
    `/${'a'.repeat(254)}`,
  ])('accepts the absolute path %j as given', (path) => {
    expect(DirectoryPath.create('installDir', path).value).toBe(path);
  });

  it.each([
    'opt/nginx',
    './app',
    '~/app',
    'C:app',
    'C:',
    '\\\\server\\share',
    '\\temp',
    '/opt/\u0000x',
    '/opt/\nx',
    'C:\\bad|name',
  ])('refuses %j, naming the field and the rule', (path) => {
    const [violation] = violationsOf(() => DirectoryPath.create('logDir', path));
    expect(violation.field).toBe('logDir');
    expect(violation.message).toMatch(/^logDir must be an absolute path such as \/opt\/app/);
  });

  it('is at most 255 characters long', () => {
    expect(violationsOf(() => DirectoryPath.create('installDir', `/${'a'.repeat(255)}`))).toEqual([
      { field: 'installDir', message: 'installDir must be 1–255 characters long (got 256)' },
    ]);
  });

  it.each([
    [undefined, 'installDir is required'],
    ['', 'installDir must be 1–255 characters long (got 0)'],
    [42, 'installDir must be a string'],
  ])('refuses %j', (value, message) => {
    expect(violationsOf(() => DirectoryPath.create('installDir', value))).toEqual([
      { field: 'installDir', message },
    ]);
  });
});
