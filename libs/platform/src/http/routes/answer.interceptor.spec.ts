import { ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { Answer } from './answer';
import { AnswerInterceptor } from './answer.interceptor';

/** The reply as far as the interceptor uses it: status and headers. */
class RecordingReply {
  readonly headers: Record<string, string> = {};

  constructor(public statusCode: number) {}

  header(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
}

async function answer(result: unknown, routeStatus = 200) {
  const reply = new RecordingReply(routeStatus);
  const context = {
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ExecutionContext;
  const body = await lastValueFrom(
    new AnswerInterceptor().intercept(context, { handle: () => of(result) }),
  );
  return { body, status: reply.statusCode, headers: reply.headers };
}

describe('Answering a resource route', () => {
  const view = { id: 'a', revision: 3, name: 'web-01' };

  it('answers the resource with its revision as ETag', async () => {
    expect(await answer(view)).toEqual({ body: view, status: 200, headers: { ETag: '"3"' } });
  });

  it('answers a creation with 201, the ETag and Location', async () => {
    expect(await answer(Answer.created(view, '/api/v1/servers/a'))).toEqual({
      body: view,
      status: 201,
      headers: { ETag: '"3"', Location: '/api/v1/servers/a' },
    });
  });

  it('answers a body that is not the resource with the revision it is about', async () => {
    expect(await answer(Answer.tagged({ password: 'p' }, 4))).toEqual({
      body: { password: 'p' },
      status: 200,
      headers: { ETag: '"4"' },
    });
  });

  it('answers a 204 with the ETag of the acknowledged revision and no body', async () => {
    expect(await answer({ id: 'a', revision: 5 }, 204)).toEqual({
      body: undefined,
      status: 204,
      headers: { ETag: '"5"' },
    });
  });

  it('adds no ETag to what carries no revision (a page)', async () => {
    expect((await answer({ items: [], total: 0 })).headers).toEqual({});
  });
});
