import { ChangeSet } from './change-set';
import { TextValue } from '@servertree/ddd';

class Label extends TextValue {
  static of(value: string): Label {
    return new Label(value);
  }
}

describe('ChangeSet', () => {
  it('keeps only fields whose values differ, in plain JSON form', () => {
    const changes = new ChangeSet()
      .compare('name', Label.of('a'), Label.of('b'))
      .compare('same', Label.of('x'), Label.of('x'))
      .compare('cpuCores', undefined, 4)
      .toJSON();
    expect(changes).toEqual({ name: { from: 'a', to: 'b' }, cpuCores: { from: null, to: 4 } });
  });

  it('compares composites as a whole', () => {
    const changes = new ChangeSet()
      .compare('os', { name: 'Debian', version: '12' }, { name: 'Debian', version: '13' })
      .toJSON();
    expect(changes).toEqual({
      os: { from: { name: 'Debian', version: '12' }, to: { name: 'Debian', version: '13' } },
    });
  });

  it('conceals secrets: only the fact that they changed', () => {
    const changes = new ChangeSet().conceal('password');
    expect(changes.isEmpty).toBe(false);
    expect(changes.toJSON()).toEqual({ password: { changed: true } });
  });

  it('is empty when nothing changed', () => {
    expect(new ChangeSet().compare('a', 1, 1).isEmpty).toBe(true);
  });
});
