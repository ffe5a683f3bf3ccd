import { violationsOf } from '../../testing/violations';
import { optional, requireInteger, requirePattern, requireText } from './text';
import { validateAll, validateEach, withinField } from './validate-all';

describe('validation building blocks', () => {
  it('requireText trims only when asked and words the rule with the field', () => {
    expect(requireText('name', '  a ', { min: 1, max: 3, trim: true })).toBe('a');
    expect(requireText('password', ' a ', { min: 1, max: 3 })).toBe(' a ');
    expect(violationsOf(() => requireText('name', 'abcd', { min: 1, max: 3 }))).toEqual([
      { field: 'name', message: 'name must be 1–3 characters long (got 4)' },
    ]);
  });

  it('requireInteger rejects fractions, strings and out-of-range values', () => {
    expect(requireInteger('ramMb', 1, 1, 10)).toBe(1);
    expect(violationsOf(() => requireInteger('ramMb', 1.5, 1, 10))).toEqual([
      { field: 'ramMb', message: 'ramMb must be an integer' },
    ]);
    expect(violationsOf(() => requireInteger('ramMb', '3', 1, 10))).toEqual([
      { field: 'ramMb', message: 'ramMb must be an integer' },
    ]);
    expect(violationsOf(() => requireInteger('ramMb', 11, 1, 10))).toEqual([
      { field: 'ramMb', message: 'ramMb must be between 1 and 10 (got 11)' },
    ]);
  });

  it('requirePattern says in words what the pattern wants', () => {
    expect(
      violationsOf(() => requirePattern('environment', 'Prod', /^[a-z]+$/, 'a lowercase slug')),
    ).toEqual([
      { field: 'environment', message: 'environment must be a lowercase slug (got "Prod")' },
    ]);
  });

  it('validateAll returns every result, or every violation at once', () => {
    expect(validateAll({ a: () => 1, b: () => 'x' })).toEqual({ a: 1, b: 'x' });
    expect(
      violationsOf(() =>
        validateAll({
          a: () => requireInteger('a', 'x', 0, 1),
          b: () => requireText('b', '', { min: 1, max: 2 }),
        }),
      ),
    ).toEqual([
      { field: 'a', message: 'a must be an integer' },
      { field: 'b', message: 'b must be 1–2 characters long (got 0)' },
    ]);
  });

  it('validateAll lets programming errors through untouched', () => {
    expect(() =>
      validateAll({
        a: () => {
          throw new TypeError('bug');
        },
      }),
    ).toThrow(TypeError);
  });

  it('withinField anchors nested violations at their position in the request', () => {
    expect(
      violationsOf(() =>
        withinField('credentials[2]', () => requireText('username', '', { min: 1, max: 128 })),
      ),
    ).toEqual([
      {
        field: 'credentials[2].username',
        message: 'credentials[2].username must be 1–128 characters long (got 0)',
      },
    ]);
  });

  it('validateEach builds every item and anchors each violation at its position', () => {
    const port = (value: unknown) => requireInteger('port', value, 1, 65535);
    expect(validateEach('ports', [22, 443], port)).toEqual([22, 443]);
    expect(violationsOf(() => validateEach('ports', [0, 22, 'x'], port))).toEqual([
      { field: 'ports[0].port', message: 'ports[0].port must be between 1 and 65535 (got 0)' },
      { field: 'ports[2].port', message: 'ports[2].port must be an integer' },
    ]);
  });

  it('optional reads undefined and null as absent and checks anything else', () => {
    const cores = (value: unknown) => requireInteger('cpuCores', value, 1, 8);
    expect(optional(undefined, cores)).toBeNull();
    expect(optional(null, cores)).toBeNull();
    expect(optional(4, cores)).toBe(4);
    expect(violationsOf(() => optional(0, cores))).toEqual([
      { field: 'cpuCores', message: 'cpuCores must be between 1 and 8 (got 0)' },
    ]);
  });
});
