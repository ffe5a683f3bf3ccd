import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';

/** The parts of an OpenAPI 3.0 schema object a response schema is made of. */
interface SchemaObject {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
  required?: string[];
  [keyword: string]: unknown;
}

interface DocumentedOperation {
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
}

/** Successful answers with a JSON body; problems go through JSON.stringify as before. */
const SERIALISED_STATUSES = ['200', '201'];

/**
 * Gives every route the response schemas the OpenAPI document declares for its successful
 * JSON answers, as Fastify registers it. Fastify then writes those answers with
 * fast-json-stringify, compiled once per route, instead of JSON.stringify. The schemas are the
 * document's own, generated from the response DTOs: nothing is described twice.
 *
 * fast-json-stringify writes the properties a schema declares, in its order, and nothing
 * else: an undeclared field would vanish from the answer. So a schema is used only when it is
 * closed all the way down (every object lists its properties, every array its items); a route
 * whose answer has an open part keeps JSON.stringify. `required` is left out: a missing field
 * is omitted, as JSON.stringify would, instead of failing the answer.
 *
 * Call before the application registers its routes (before `app.init()`).
 */
export function serialiseAnswersAsDocumented(
  fastify: FastifyInstance,
  document: OpenAPIObject,
): void {
  const components = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.length !== 1) return;
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const operation = (document.paths[path] as Record<string, DocumentedOperation> | undefined)?.[
      methods[0].toLowerCase()
    ];
    const response: Record<string, SchemaObject> = {};
    for (const status of SERIALISED_STATUSES) {
      const schema = operation?.responses?.[status]?.content?.['application/json']?.schema;
      const closed = schema && closedSchema(schema, components);
      if (closed) response[status] = closed;
    }
    if (Object.keys(response).length > 0) {
      const declared = route.schema?.response as Record<string, unknown> | undefined;
      route.schema = { ...route.schema, response: { ...declared, ...response } };
    }
  });
}

/** `schema` with every `$ref` inlined and `required` dropped, or undefined if any part is open. */
function closedSchema(
  schema: SchemaObject,
  components: Record<string, SchemaObject>,
  depth = 0,
): SchemaObject | undefined {
  if (depth > 10) return undefined; // a recursive shape: not worth a serialiser
  if (schema.$ref) {
    const target = components[schema.$ref.split('/').pop()!];
    return target && closedSchema(target, components, depth + 1);
  }
  if (schema.oneOf || schema.anyOf || schema.additionalProperties) return undefined;
  const { required: _, allOf, properties, items, ...keywords } = schema;
  if (allOf) {
    // Swagger writes a nullable or described reference as allOf of that one reference.
    if (allOf.length !== 1) return undefined;
    const inner = closedSchema(allOf[0], components, depth + 1);
    return inner && { ...inner, ...keywords };
  }
  if (schema.type === 'object' || properties) {
    if (!properties) return undefined;
    const closed: Record<string, SchemaObject> = {};
    for (const [name, property] of Object.entries(properties)) {
      const inner = closedSchema(property, components, depth + 1);
      if (!inner) return undefined;
      closed[name] = inner;
    }
    return { ...keywords, type: 'object', properties: closed };
  }
  if (schema.type === 'array') {
    const inner = items && closedSchema(items, components, depth + 1);
    return inner && { ...keywords, items: inner };
  }
  return schema.type ? keywords : undefined;
}
