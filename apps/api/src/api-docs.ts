import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemResponse } from '@servertree/platform';

/**
 * Swagger UI at /docs and the OpenAPI document at /docs-json, both outside /api/v1. Answers the
 * document, which also gives the routes their response serialisers.
 */
export function setUpApiDocs(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ServerTree')
    .setDescription(
      'Server inventory: servers, their credentials and installed applications, and the ' +
        'applications catalogue. Every change is published as a CloudEvent on RabbitMQ ' +
        '(see /asyncapi.json). Errors are RFC 9457 application/problem+json.\n\n' +
        WRITE_ANSWER_NOTE,
    )
    .setVersion('1')
    .addServer('/', 'This service')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'HS256/RS256 JWT with `exp` and `roles`: reader (GETs), editor (writes), admin (reveal)',
    })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemResponse],
    operationIdFactory: operationId,
  });
  const completed = completeApiDocument(document);
  SwaggerModule.setup('docs', app, completed, { jsonDocumentUrl: 'docs-json' });
  return completed;
}

/** What a write answers, said once for the API description and every write operation. */
const WRITE_ANSWER_NOTE =
  'A successful write answers with the aggregate as this write committed it, the revision ' +
  'its `ETag` names: what a GET right after shows, unless someone else changed it since ' +
  '(that change shows in the next read, with its own `ETag`, and its own event).';

/**
 * Operation ids a generated client turns into method names. Controllers' method names are
 * short (`list`, `read`) because the controller gives the noun; here the noun is added.
 */
const OPERATION_NOUNS: Record<string, { one: string; many: string }> = {
  ApplicationsController: { one: 'Application', many: 'Applications' },
  ApplicationEventsController: { one: 'ApplicationEvent', many: 'ApplicationEvents' },
  ServersController: { one: 'Server', many: 'Servers' },
  ServerEventsController: { one: 'ServerEvent', many: 'ServerEvents' },
  ServerCredentialsController: { one: 'ServerCredential', many: 'ServerCredentials' },
  ServerApplicationsController: { one: 'ServerApplication', many: 'ServerApplications' },
  HealthController: { one: 'Health', many: 'Health' },
};

const VERBS: Record<string, string> = {
  read: 'get',
  history: 'list',
  live: 'checkLive',
  ready: 'checkReady',
};

function operationId(controllerKey: string, methodKey: string): string {
  const noun = OPERATION_NOUNS[controllerKey] ?? {
    one: controllerKey.replace(/Controller$/, ''),
    many: controllerKey.replace(/Controller$/, ''),
  };
  const verb = VERBS[methodKey] ?? methodKey;
  if (controllerKey === 'HealthController') return verb;
  return `${verb}${verb === 'list' ? noun.many : noun.one}`;
}

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string }; example?: unknown }> };
  responses: Record<string, Response>;
};
type Response = {
  description: string;
  content?: Record<string, unknown>;
  headers?: Record<string, unknown>;
};
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  allOf?: Schema[];
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  401: 'Missing, malformed or expired bearer token',
  403: 'The token lacks the required role',
  404: 'Unknown id, or a sub-resource the aggregate does not have',
  409: 'Duplicate, discarded aggregate, or a concurrent change',
  412: 'If-Match does not match the current revision',
  413: 'Body over 1 MiB',
  414: 'A path parameter over 100 characters',
  415: 'Body is not application/json (or another +json type)',
  422: 'Idempotency-Key reused with a different body',
  429: 'Rate limit reached; retry after Retry-After seconds',
  503: 'Database unreachable or the service is stopping; retry after Retry-After seconds',
};

const HEADERS: Record<string, { description: string; schema: Schema }> = {
  'X-Request-ID': {
    description: 'The request id (the one sent, if safe, else generated); events carry it',
    schema: { type: 'string' },
  },
  ETag: { description: 'The revision of the aggregate, quoted: "3"', schema: { type: 'string' } },
  Location: { description: 'Path of the created resource', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  'RateLimit-Limit': {
    description: 'Requests allowed per minute for this caller (when limiting is on)',
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets',
    schema: { type: 'integer' },
  },
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  applications: 'The applications catalogue',
  servers: 'Servers, their credentials and installed applications',
  health: 'Liveness and readiness probes',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Adds what the controllers' decorators leave implicit, the same for every operation: the
 * problem answers each can give (by what it is: authenticated, has a path id, a body, a
 * write), the headers every answer carries, an example for each request body, and tags.
 */
export function completeApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  document.components = {
    ...document.components,
    headers: Object.fromEntries(Object.entries(HEADERS)) as never,
  };
  const tags = new Set<string>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods) as [string, Operation][]) {
      operation.tags?.forEach((tag) => tags.add(tag));
      completeOperation(path, method, operation, schemas);
    }
  }
  document.tags = [...tags].map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name] ?? name,
  }));
  return document;
}

function completeOperation(
  path: string,
  method: string,
  operation: Operation,
  schemas: Record<string, Schema>,
): void {
  const isPublic = path.startsWith('/health/');
  // Probes need no token; the global bearer requirement would show them locked in Swagger UI.
  if (isPublic) operation.security = [];
  const write = WRITE_METHODS.has(method);
  const problems = isPublic
    ? path.endsWith('/ready')
      ? [503]
      : []
    : [
        400,
        401,
        403,
        ...(path.includes('{') ? [404, 414] : []),
        ...(write && path.includes('{') ? [409, 412] : []),
        ...(write && !path.includes('{') ? [409] : []),
        ...(operation.requestBody ? [413, 415] : []),
        ...(method === 'post' ? [422] : []),
        429,
        503,
      ];
  for (const status of problems) {
    operation.responses[status] ??= { description: PROBLEM_DESCRIPTIONS[status] };
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    const code = Number(status);
    if (code >= 400) {
      response.description ||= PROBLEM_DESCRIPTIONS[code] ?? 'Problem';
      response.content = {
        [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemResponse' } },
      };
    }
    response.headers = {
      ...response.headers,
      ...(response.headers?.ETag ? { ETag: { $ref: '#/components/headers/ETag' } } : {}),
      'X-Request-ID': { $ref: '#/components/headers/X-Request-ID' },
      ...(code === 201 ? { Location: { $ref: '#/components/headers/Location' } } : {}),
      ...(code === 429 || code === 503
        ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } }
        : {}),
      ...(!isPublic && (code < 400 || code === 429)
        ? {
            'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
            'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
            'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
          }
        : {}),
    };
  }
  operation.description ||= operation.summary ?? operationSummaryFallback(method, path);
  if (write && !isPublic && method !== 'delete') {
    operation.description = `${operation.description}\n\n${WRITE_ANSWER_NOTE}`;
  }
  const body = operation.requestBody?.content['application/json'];
  if (body?.schema && body.example === undefined) body.example = exampleOf(body.schema, schemas);
}

function operationSummaryFallback(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** An instance of `schema` made of its properties' examples (or plain values of their type). */
function exampleOf(schema: Schema, schemas: Record<string, Schema>, depth = 0): unknown {
  const resolved = schema.$ref ? schemas[schema.$ref.split('/').pop()!] : schema;
  if (!resolved || depth > 5) return {};
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.allOf?.length) return exampleOf(resolved.allOf[0], schemas, depth + 1);
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.properties) {
    return Object.fromEntries(
      Object.entries(resolved.properties).map(([name, property]) => [
        name,
        exampleOf(property, schemas, depth + 1),
      ]),
    );
  }
  switch (resolved.type) {
    case 'array':
      return resolved.items ? [exampleOf(resolved.items, schemas, depth + 1)] : [];
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return resolved.format === 'uuid' ? '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b' : 'text';
    default:
      return {};
  }
}
