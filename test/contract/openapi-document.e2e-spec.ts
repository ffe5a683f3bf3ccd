import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');

type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown }> };
  responses: Record<
    string,
    { content?: Record<string, unknown>; headers?: Record<string, unknown> }
  >;
};

describe('The OpenAPI document at /docs-json', () => {
  let t: TestApp;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, unknown>>;
  };

  beforeAll(async () => {
    t = await startTestApp({ database: 'sqlite' });
    document = (await t.http('anonymous').get('/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await t?.close();
  });

  function operations(): [string, Operation][] {
    return Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, Operation] => [
        `${method} ${path}`,
        operation,
      ]),
    );
  }

  it('validates against the OpenAPI 3.x schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'servertree-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
      // The validator is an ES module, which this CommonJS test runner cannot import.
      const output = runNode(
        join(ROOT, 'node_modules/@seriousme/openapi-schema-validator/bin/validate-api-cli.js'),
        join(dir, 'openapi.json'),
      );
      expect(JSON.parse(output.slice(output.indexOf('{')))).toMatchObject({ valid: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lints clean with Spectral's spectral:oas ruleset: no errors, no warnings", async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] });
    const results = await spectral.run(new Document(JSON.stringify(document), Json));
    expect(
      results.map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`),
    ).toEqual([]);
  });

  it('names operations as a client would call them', () => {
    const ids = operations().map(([, operation]) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'listServers',
        'registerServer',
        'getServer',
        'modifyServer',
        'listApplications',
        'registerApplication',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id || /Controller|_/.test(id))).toEqual([]);
  });

  it('types every list filter and lookup', () => {
    const list = document.paths['/api/v1/servers'].get;
    const byName = new Map(list.parameters!.map((parameter) => [parameter.name, parameter]));
    expect(byName.get('ramMb__gte')?.schema).toMatchObject({ type: 'integer' });
    expect(byName.get('operatingSystem.name__ic')?.schema).toMatchObject({ type: 'string' });
    expect(byName.get('applicationId')?.schema).toMatchObject({ format: 'uuid' });
    expect(byName.get('createdAt__lt')?.schema).toMatchObject({ format: 'date-time' });
    expect(list.parameters!.filter((parameter) => !parameter.schema?.type)).toEqual([]);
  });

  it('documents every error as problem+json, with the headers clients rely on', () => {
    for (const [name, operation] of operations()) {
      if (name.includes('/health/')) continue;
      expect({ name, statuses: Object.keys(operation.responses) }).toEqual({
        name,
        statuses: expect.arrayContaining(['400', '401', '403', '429', '503']),
      });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) {
          expect({ name, status, types: Object.keys(response.content ?? {}) }).toEqual({
            name,
            status,
            types: ['application/problem+json'],
          });
        }
        expect({ name, status, headers: Object.keys(response.headers ?? {}) }).toEqual({
          name,
          status,
          headers: expect.arrayContaining(['X-Request-ID']),
        });
      }
      expect(Object.keys(operation.responses['429'].headers ?? {})).toEqual(
        expect.arrayContaining(['Retry-After', 'RateLimit-Limit']),
      );
      if (operation.requestBody) {
        expect({ name, statuses: Object.keys(operation.responses) }).toEqual({
          name,
          statuses: expect.arrayContaining(['413', '415']),
        });
        expect({
          name,
          example: operation.requestBody.content['application/json'].example,
        }).toEqual({
          name,
          example: expect.anything(),
        });
      }
    }
    const register = document.paths['/api/v1/servers'].post;
    expect(Object.keys(register.responses['201'].headers ?? {})).toEqual(
      expect.arrayContaining(['ETag', 'Location']),
    );
    expect(register.responses['422'].content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponse' } },
    });
  });

  it('generates a client with openapi-typescript that type-checks a filtered, ordered server list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'servertree-client-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
      runNode(
        join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        join(dir, 'openapi.json'),
        '-o',
        join(dir, 'api.d.ts'),
      );
      writeFileSync(
        join(dir, 'call.ts'),
        [
          "import type { operations } from './api';",
          "type Query = NonNullable<operations['listServers']['parameters']['query']>;",
          "const query: Query = { ramMb__gte: 4096, 'operatingSystem.name': 'debian', ordering: '-ramMb,name' };",
          '// @ts-expect-error a filter the service does not know is refused by the compiler',
          'const wrong: Query = { ramMb__gte: 4096, ramMb__between: 1 };',
          'export { query, wrong };',
        ].join('\n'),
      );
      runNode(
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        join(dir, 'call.ts'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Runs a Node script; its output on success, its output as the error otherwise. */
function runNode(...args: string[]): string {
  try {
    return execFileSync(process.execPath, args, { stdio: 'pipe' }).toString();
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? error}`);
  }
}
