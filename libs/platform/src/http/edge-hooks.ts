import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError } from '@servertree/ddd';
import { ExecutionContext, ExecutionContexts } from '../context/execution-context';
import { TraceContexts } from '../tracing/trace-context';
import { excessiveNesting, MAX_JSON_NESTING } from './json-nesting';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problem } from './problem-details';
import { toProblem } from './problem-details.filter';

/** A client-chosen request id is echoed only if it is safe to put in headers and logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Each request's execution context, for hooks that run after the request's async scope. */
const requestContexts = new WeakMap<FastifyRequest, ExecutionContext>();

/** The execution context a request opened (its actor known once authenticated). */
export function executionContextOf(request: FastifyRequest): ExecutionContext | undefined {
  return requestContexts.get(request);
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** `application/json` and every structured `+json` type (RFC 6839), with any parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json(?:;|$)/i;

const logger = new Logger('Edge');

/**
 * Fastify server options for the answers Fastify gives on its own, before any route or hook
 * runs: a path it cannot decode or whose parameter is too long (`frameworkErrors`), and a
 * request Node's parser refuses (headers over 16 KB, a garbled request line: `clientError`).
 * Each becomes a problem+json with an X-Request-ID like every other answer.
 */
export function edgeServerOptions() {
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply.header('X-Request-ID', request.id), toProblem(error, logUnexpected)),
    clientErrorHandler: answerClientError,
  };
}

/**
 * What happens to every request before Nest routes it: it gets a request id (the client's
 * `X-Request-ID` or a new one), echoed on the response and used as the correlation id of
 * every event the request causes, and a trace context (see TraceContexts.forRequest) that
 * its log lines and events carry; and only JSON bodies are read, no deeper than
 * MAX_JSON_NESTING. Nest's own body parsers must be off (`bodyParser: false`), or they would
 * add form bodies back.
 */
export function installEdgeHooks(fastify: FastifyInstance): void {
  fastify.setGenReqId((request) => {
    const given = request.headers['x-request-id'];
    return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-ID', request.id);
    const traceparent = TraceContexts.forRequest(request.headers.traceparent);
    ExecutionContexts.run({ correlationId: request.id, actor: 'anonymous', traceparent }, () => {
      requestContexts.set(request, ExecutionContexts.current());
      done();
    });
  });
  // Any other media type then has no parser, which Fastify answers with a 415.
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    JSON_MEDIA_TYPE,
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (request, body, done) => {
      const text = body as unknown as string;
      const tooDeep = excessiveNesting(text);
      if (tooDeep !== undefined) {
        done(
          InvalidInputError.single(
            tooDeep,
            `${tooDeep} nests deeper than ${MAX_JSON_NESTING} levels`,
          ) as unknown as FastifyError,
          undefined,
        );
        return;
      }
      parseJson(request, text, (error, parsed) =>
        error && (error as FastifyError).code !== 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? done(
              // The parser's own message quotes the body, which may hold a password.
              InvalidInputError.single(
                'body',
                'body must be well-formed JSON (and free of __proto__ keys)',
              ) as unknown as FastifyError,
              undefined,
            )
          : done(error, parsed),
      );
    },
  );
}

function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  return reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem('headersTooLarge', 431, 'The request headers exceed 16 KB.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem('requestTimeout', 408, 'The request was not received in time.')
        : problem('invalidInput', 400, 'The request is not well-formed HTTP/1.1.', [
            { field: 'request', message: 'request must be well-formed HTTP/1.1' },
          ]);
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `X-Request-ID: ${randomUUID()}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

function logUnexpected(error: unknown): void {
  logger.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
