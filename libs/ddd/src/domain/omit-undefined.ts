/** Keeps the fields a partial update really carries; `null` stays, it is a value to validate. */
export function omitUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
