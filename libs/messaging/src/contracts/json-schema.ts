/** A JSON Schema (draft 07, the dialect AsyncAPI 2.6 embeds), as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** An object with exactly these properties; all required unless listed as optional. */
export function objectSchema(
  properties: Readonly<Record<string, JsonSchema>>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}

/**
 * The `data` of a `*.modified` event: `{ changes: { <field>: { from, to } } }` with only the
 * fields that changed, at least one. `concealed` fields (a replaced password) show only
 * `{ changed: true }`.
 */
export function modifiedDataSchema(
  fields: Readonly<Record<string, JsonSchema>>,
  concealed: readonly string[] = [],
): JsonSchema {
  const change = (value: JsonSchema) => objectSchema({ from: value, to: value });
  const changes: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(fields)) changes[name] = change(value);
  for (const name of concealed) changes[name] = objectSchema({ changed: { const: true } });
  return objectSchema({
    changes: {
      ...objectSchema(changes, Object.keys(changes)),
      minProperties: 1,
    },
  });
}
