import { InvalidInputError, Violation } from '../errors';

type Factories = Record<string, () => unknown>;
type Results<F extends Factories> = { [K in keyof F]: ReturnType<F[K]> };

/**
 * Runs every factory and reports all broken rules at once, so a client fixes its request in
 * one round trip instead of one error at a time. Factories are value-object constructors that
 * throw `InvalidInputError`; anything else is a bug and propagates untouched.
 */
export function validateAll<F extends Factories>(factories: F): Results<F> {
  const results: Partial<Results<F>> = {};
  const violations: Violation[] = [];
  for (const key of Object.keys(factories) as (keyof F)[]) {
    try {
      results[key] = factories[key]() as Results<F>[typeof key];
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      violations.push(...error.violations);
    }
  }
  if (violations.length > 0) throw new InvalidInputError(violations);
  return results as Results<F>;
}

/**
 * Re-anchors violations of a nested part (one inline credential, say) under its position in
 * the request, e.g. `username` becomes `credentials[2].username`.
 */
export function withinField<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(
      error.violations.map((v) => ({
        field: `${prefix}.${v.field}`,
        message: v.message.startsWith(v.field) ? `${prefix}.${v.message}` : v.message,
      })),
    );
  }
}

/**
 * validateAll for the items of a list (inline credentials, say): every item is built, and
 * every broken rule is reported under the item's position, e.g. `credentials[2].username`.
 */
export function validateEach<T, R>(field: string, items: readonly T[], build: (item: T) => R): R[] {
  const built = validateAll(
    Object.fromEntries(
      items.map((item, index) => [
        index,
        () => withinField(`${field}[${index}]`, () => build(item)),
      ]),
    ),
  );
  return items.map((_, index) => built[index] as R);
}
