/** A query string as Fastify parses it: a parameter given more than once becomes an array. */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Every value of one parameter, in the order given; none when it is absent. */
export function valuesOf(raw: string | readonly string[] | undefined): readonly string[] {
  if (raw === undefined) return [];
  return typeof raw === 'string' ? [raw] : raw;
}
