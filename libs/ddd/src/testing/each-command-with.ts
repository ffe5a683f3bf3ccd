/**
 * Turns a module's fixture factory into its `each…Command(build, ...fixtureArguments)`: a fresh
 * fixture, and the handler under test built on it, before each test of the enclosing describe,
 * so a spec states only how its handler is built. The two handles forward to the running
 * test's instances; touching them outside a test is a mistake in the spec, said loudly.
 */
export function eachCommandWith<F extends object, A extends unknown[]>(
  newFixture: (...fixtureArguments: A) => F,
) {
  return <H extends object>(
    build: (fixture: F) => H,
    ...fixtureArguments: A
  ): { readonly fixture: F; readonly handler: H } => {
    let current: { fixture: F; handler: H } | undefined;
    beforeEach(() => {
      const fixture = newFixture(...fixtureArguments);
      current = { fixture, handler: build(fixture) };
    });
    const forward = <T extends object>(pick: (of: NonNullable<typeof current>) => T): T =>
      new Proxy({} as T, {
        get(_target, property) {
          if (!current) throw new Error('a handler spec fixture exists only inside a test');
          return Reflect.get(pick(current), property);
        },
      });
    return { fixture: forward((of) => of.fixture), handler: forward((of) => of.handler) };
  };
}
