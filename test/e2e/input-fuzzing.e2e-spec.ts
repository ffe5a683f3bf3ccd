import fc from 'fast-check';
import { Response } from 'supertest';
import { useTestApp } from '../support/test-app';

/** Bounded: these many cases per endpoint keep the whole file well under a minute. */
const RUNS_PER_ENDPOINT = 40;

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFFx',
    '\u202Eevil',
    '\u200F',
    '\uFEFF',
    '🖥️',
    'שרת',
    '%_\\',
    "'; DROP TABLE servers; --",
    'x'.repeat(100_000),
    '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b',
    '/opt/app',
    'production',
  ),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 0.5, -0.0, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 4097, 65536, 1e21),
);
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
}));

/** Bodies made of the endpoint's own field names with random values, or anything at all. */
function bodies(fields: readonly string[]) {
  return fc.oneof(
    jsonValue,
    fc.dictionary(fc.constantFrom(...fields), jsonValue, { minKeys: 1, maxKeys: fields.length }),
  );
}

const SERVER_FIELDS = [
  'name',
  'cpuCores',
  'ramMb',
  'diskGb',
  'environment',
  'operatingSystem',
  'tags',
  'credentials',
  'applications',
  'status',
] as const;
const APPLICATION_FIELDS = ['name', 'version', 'architecture'] as const;
const CREDENTIAL_FIELDS = [
  'connectionType',
  'username',
  'password',
  'localIp',
  'localPort',
  'publicIp',
  'publicPort',
] as const;
const LIST_PARAMETERS = [
  'limit',
  'offset',
  'ordering',
  'q',
  'name',
  'name__ic',
  'ramMb__gte',
  'cpuCores__lt',
  'operatingSystem.name',
  'applicationId',
  'applicationId__n',
  'discarded',
  'createdAt__lt',
  'id',
  'tag',
  'status__n',
  'unknown__ic',
] as const;

/** Percent-encodes the UTF-8 bytes, so lone surrogates reach the server instead of throwing here. */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .join('');
}

describe('Input fuzzing: random JSON, strings and numbers at every write and list parameter (MariaDB)', () => {
  const t = useTestApp();
  let serverId: string;
  let applicationId: string;
  let credentialId: string;

  beforeAll(async () => {
    applicationId = (
      await t
        .http()
        .post('/api/v1/applications')
        .send({ name: 'fuzz-app', version: '1', architecture: 'x86_64' })
        .expect(201)
    ).body.id;
    const server = await t
      .http()
      .post('/api/v1/servers')
      .send({
        name: 'fuzz-server',
        environment: 'production',
        operatingSystem: { name: 'debian', version: '12', architecture: 'x86_64' },
        credentials: [
          {
            connectionType: 'ssh',
            username: 'root',
            password: 'pw',
            localIp: '10.0.0.1',
            localPort: 22,
          },
        ],
      })
      .expect(201);
    serverId = server.body.id;
    credentialId = server.body.credentials[0].id;
  });

  function resolve(path: string): string {
    return path
      .replace('{serverId}', serverId)
      .replace('{applicationId}', applicationId)
      .replace('{credentialId}', credentialId);
  }

  async function stored(): Promise<string> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM outbox) AS events,
              (SELECT COUNT(*) FROM servers) AS servers,
              (SELECT COUNT(*) FROM applications) AS applications,
              (SELECT MAX(revision) FROM servers) AS serverRevision,
              (SELECT MAX(revision) FROM applications) AS applicationRevision`,
    );
    return JSON.stringify(row);
  }

  function expectAnswered(response: Response, context: unknown): void {
    expect({ context, status: response.status }).toEqual({
      context,
      status: expect.any(Number),
    });
    expect({ context, serverError: response.status >= 500 }).toEqual({
      context,
      serverError: false,
    });
    if (response.status >= 400) {
      expect({ context, type: response.headers['content-type'] }).toEqual({
        context,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    if (response.status === 400) {
      expect({ context, errors: response.body.errors }).toEqual({
        context,
        errors: expect.arrayContaining([
          { field: expect.any(String), message: expect.any(String) },
        ]),
      });
    }
  }

  const writes: [string, string, readonly string[]][] = [
    ['POST', '/api/v1/applications', APPLICATION_FIELDS],
    ['PATCH', '/api/v1/applications/{applicationId}', APPLICATION_FIELDS],
    ['POST', '/api/v1/servers', SERVER_FIELDS],
    ['PATCH', '/api/v1/servers/{serverId}', SERVER_FIELDS],
    ['PUT', '/api/v1/servers/{serverId}/status', ['status']],
    ['POST', '/api/v1/servers/{serverId}/credentials', CREDENTIAL_FIELDS],
    ['PATCH', '/api/v1/servers/{serverId}/credentials/{credentialId}', CREDENTIAL_FIELDS],
    ['PUT', '/api/v1/servers/{serverId}/applications/{applicationId}', ['installDir', 'logDir']],
  ];

  it.each(writes)(
    '%s %s: no 5xx, problems name fields, a refused write stores nothing',
    async (method, path, fields) => {
      await fc.assert(
        fc.asyncProperty(bodies(fields), async (body) => {
          const before = await stored();
          const response = await t
            .http()
            [method.toLowerCase() as 'post'](resolve(path))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectAnswered(response, { method, body: JSON.stringify(body).slice(0, 200) });
          if (response.status >= 400) expect(await stored()).toBe(before);
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    },
    120_000,
  );

  it.each(['/api/v1/servers', '/api/v1/applications'])(
    'GET %s with random list parameters: no 5xx, every 400 names the parameter',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(fc.oneof(fc.constantFrom(...LIST_PARAMETERS), nastyString), nastyString),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          async (parameters) => {
            const query = parameters
              .map(([name, value]) => `${encode(name)}=${encode(value)}`)
              .join('&');
            const response = await t.http().get(`${path}?${query}`);
            expectAnswered(response, { query: query.slice(0, 300) });
          },
        ),
        { numRuns: RUNS_PER_ENDPOINT * 2 },
      );
    },
    120_000,
  );
});
