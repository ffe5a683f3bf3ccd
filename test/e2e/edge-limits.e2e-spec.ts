import { request as httpRequest } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { expectProblem } from '../support/problem';
import { useTestApp } from '../support/test-app';

const APPLICATIONS = '/api/v1/applications';
const SERVERS = '/api/v1/servers';
const NON_ASCII_IDS = ['é', 'שרת', '\u202Eabc', '🖥️', '\uFEFF0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b'];

/** What a client sees on the wire, without supertest's own URL handling and body parsing. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function rawRequest(port: number, text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = received.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

function expectRawProblem(answer: RawAnswer, status: number): Record<string, unknown> {
  expect({ status: answer.status, type: answer.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(answer.headers['x-request-id']).toEqual(expect.any(String));
  const body = JSON.parse(answer.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/g, ''));
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:servertree:problem:/) });
  return body;
}

describe('The HTTP edge: JSON only, nesting, ids, framework errors as problems (MariaDB)', () => {
  const t = useTestApp();
  let port: number;
  let token: string;

  beforeAll(async () => {
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    token = t.token({ sub: 'edge-editor', roles: ['admin'] });
  });

  /** Sends `text` as it is, labelled JSON: for bodies a serializer would not write. */
  const postJsonText = (path: string, text: string) =>
    t.http().post(path).set('Content-Type', 'application/json').send(text);

  async function countRows(): Promise<number> {
    const [{ n }] = await t.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM applications) + (SELECT COUNT(*) FROM servers) + (SELECT COUNT(*) FROM outbox) AS n',
    );
    return Number(n);
  }

  async function registerApplication(): Promise<string> {
    const response = await t
      .http()
      .post(APPLICATIONS)
      .send({ name: `app-${Math.random()}`, version: '1', architecture: 'x86_64' })
      .expect(201);
    return response.body.id;
  }

  describe('bodies are JSON only', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'name=nginx&version=1&architecture=x86_64'],
      ['text/plain', '{"name":"nginx","version":"1","architecture":"x86_64"}'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nnginx\r\n--x--',
      ],
      ['application/xml', '<application/>'],
    ])('POST with %s is a 415 and creates nothing', async (type, body) => {
      const before = await countRows();
      const response = await t.http().post(APPLICATIONS).set('Content-Type', type).send(body);
      expectProblem(response, 415);
      expect(await countRows()).toBe(before);
    });

    it('PATCH with a text/plain JSON text is a 415 and changes nothing', async () => {
      const id = await registerApplication();
      const response = await t
        .http()
        .patch(`${APPLICATIONS}/${id}`)
        .set('Content-Type', 'text/plain')
        .send('{"name":"renamed"}');
      expectProblem(response, 415);
      const read = await t.http().get(`${APPLICATIONS}/${id}`).expect(200);
      expect(read.body.revision).toBe(1);
    });

    it('accepts a +json media type', async () => {
      await t
        .http()
        .post(APPLICATIONS)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ name: 'plus-json', version: '1', architecture: 'x86_64' }))
        .expect(201);
    });
  });

  describe('nesting', () => {
    function nested(depth: number): string {
      return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    }

    it('a 2,000-deep unknown property is a 400 naming it, not a 500', async () => {
      const response = await postJsonText(
        APPLICATIONS,
        `{"name":"x","version":"1","architecture":"x","a":${nested(2000)}}`,
      );
      const problem = expectProblem(response, 400);
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: expect.stringMatching(/^a(\.a)*$/) }),
      ]);
      expect(problem.errors?.[0].message).toMatch(/32/);
    });

    it('deep arrays count too', async () => {
      const response = await postJsonText(SERVERS, `{"tags":${'['.repeat(40)}${']'.repeat(40)}}`);
      const problem = expectProblem(response, 400);
      expect(problem.errors?.[0].field).toMatch(/^tags(\[0\])*$/);
    });

    it('32 levels are still read as usual (and judged by the usual rules)', async () => {
      const response = await postJsonText(
        APPLICATIONS,
        `{"name":"x","version":"1","architecture":"x","a":${nested(30)}}`,
      );
      const problem = expectProblem(response, 400);
      expect(problem.errors).toEqual([{ field: 'a', message: 'a is not a known field' }]);
    });
  });

  describe('ids are UUIDs before any query', () => {
    it.each(NON_ASCII_IDS)('an inline applicationId %j is a 400 naming it', async (id) => {
      const before = await countRows();
      const response = await t
        .http()
        .post(SERVERS)
        .send({
          name: 'with-bad-app',
          environment: 'production',
          operatingSystem: { name: 'debian', version: '12', architecture: 'x86_64' },
          applications: [{ applicationId: id, installDir: '/opt/a' }],
        });
      const problem = expectProblem(response, 400);
      expect(problem.errors).toContainEqual(
        expect.objectContaining({ field: 'applications[0].applicationId' }),
      );
      expect(await countRows()).toBe(before);
    });

    it.each(NON_ASCII_IDS)('a path id %j is a 400 naming it', async (id) => {
      const response = await t.http().get(`${SERVERS}/${encodeURIComponent(id)}`);
      expect(expectProblem(response, 400).errors?.[0].field).toBe('id');
    });

    it.each(NON_ASCII_IDS)('a list filter on applicationId %j is a 400 naming it', async (id) => {
      const response = await t.http().get(SERVERS).query({ applicationId: id });
      expect(expectProblem(response, 400).errors?.[0].field).toBe('applicationId');
    });
  });

  describe('every answer is a problem with X-Request-ID', () => {
    it('an unknown route is a 404 problem', async () => {
      const response = await t.http().get('/api/v1/nothing-here');
      expectProblem(response, 404);
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('an over-long path parameter is a 414 problem', async () => {
      const answer = await rawRequest(
        port,
        `GET ${SERVERS}/${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      );
      expectRawProblem(answer, 414);
    });

    it('bad percent-encoding in the path is a 400 problem', async () => {
      const answer = await rawRequest(
        port,
        `GET ${SERVERS}/%ED%A0%80 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      );
      expectRawProblem(answer, 400);
    });

    it('malformed JSON is a 400 problem naming the body', async () => {
      const response = await postJsonText(APPLICATIONS, '{"name":');
      expect(expectProblem(response, 400).errors?.[0].field).toBe('body');
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('headers over 16 KB are a 431 problem', async () => {
      const answer = await rawRequest(
        port,
        `GET ${SERVERS} HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      );
      expectRawProblem(answer, 431);
    });

    it('a request line the parser cannot read is a 400 problem', async () => {
      const answer = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
      expectRawProblem(answer, 400);
    });

    it('a body over 1 MiB is a 413 problem', async () => {
      const answer = await new Promise<RawAnswer>((resolve, reject) => {
        const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: APPLICATIONS,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expectRawProblem(answer, 413);
    });
  });
});
