import { excessiveNesting } from './json-nesting';

describe('excessiveNesting', () => {
  const nested = (depth: number, key = 'a') =>
    `{"${key}":`.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

  it('accepts a text at the limit', () => {
    expect(excessiveNesting(nested(32))).toBeUndefined();
  });

  it('names the property whose value goes one level too deep', () => {
    expect(excessiveNesting(nested(33))).toBe(Array(32).fill('a').join('.'));
  });

  it('walks 100,000 levels without recursion', () => {
    expect(excessiveNesting('['.repeat(100_000), 3)).toBe('[0][0][0]');
  });

  it('counts array positions and ignores brackets and quotes inside strings', () => {
    expect(excessiveNesting('{"x":"{[\\"{","list":[1,{"k":[[]]}]}', 4)).toBe('list[1].k[0]');
    expect(excessiveNesting('{"x":"{{{{{{"}', 2)).toBeUndefined();
  });

  it('decodes escaped keys', () => {
    expect(excessiveNesting('{"\\u0061b":{"c":[]}}', 2)).toBe('ab.c');
  });
});
