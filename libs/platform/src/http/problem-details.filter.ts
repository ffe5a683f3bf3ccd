import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  BatchRejectedError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RevisionMismatchError,
} from '@servertree/ddd';
import { DatabaseBusyError, isDatabaseUnavailable } from '../persistence/database-errors';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemKind } from './problem-details';

/** Seconds a client should wait before retrying while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Turns every error into RFC 9457 problem+json. Domain errors carry their meaning in their
 * class; this is the one place where meaning becomes an HTTP status. Anything unrecognised
 * is logged with the request id and answered with a generic 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // The stack goes into the message: pino drops arguments a message has no placeholder for.
    const body = toProblem(error, (unexpected) =>
      this.logger.error(
        `request ${request.id} ${request.method} ${request.routeOptions?.url ?? request.url} failed: ${describe(unexpected)}` +
          (unexpected instanceof Error && unexpected.stack ? `\n${unexpected.stack}` : ''),
      ),
    );
    if (body.status === HttpStatus.SERVICE_UNAVAILABLE) {
      void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    if (body.status === HttpStatus.UNAUTHORIZED) {
      void reply.header('WWW-Authenticate', 'Bearer realm="servertree"');
    }
    void reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
  }
}

/** Exposed for Fastify's own error handler (body parsing happens before Nest sees the request). */
export function toProblem(error: unknown, onUnexpected: (error: unknown) => void): ProblemDetails {
  if (error instanceof BatchRejectedError) return batchProblem(error, onUnexpected);
  if (error instanceof InvalidInputError) {
    return problem(
      'invalidInput',
      400,
      'The request is invalid; see errors for each field.',
      error.violations,
    );
  }
  if (error instanceof NotFoundError) return problem('notFound', 404, error.message);
  if (error instanceof RevisionMismatchError) {
    return problem('preconditionFailed', 412, `If-Match does not match: ${error.message}.`);
  }
  if (error instanceof ConflictError) return problem('conflict', 409, error.message);
  if (error instanceof HttpException) return fromHttpException(error);
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.code === 'string' && fastifyError.code.startsWith('FST_')) {
    return fromFastifyError(fastifyError.statusCode ?? 500, fastifyError.code);
  }
  if (error instanceof DatabaseBusyError) {
    onUnexpected(error);
    return problem(
      'unavailable',
      503,
      'Concurrent changes kept conflicting with this one; nothing was changed. Retry shortly.',
    );
  }
  if (isDatabaseUnavailable(error)) {
    onUnexpected(error);
    return problem('unavailable', 503, 'The database is unreachable; retry shortly.');
  }
  onUnexpected(error);
  return problem('internal', 500, 'An unexpected error occurred; it has been logged.');
}

/**
 * A batch fails as a whole with the status of its most basic failure (400 before 404 before
 * 409 before 412: what the client must fix first), and lists every failing item.
 */
function batchProblem(
  error: BatchRejectedError,
  onUnexpected: (error: unknown) => void,
): ProblemDetails {
  const decisive = error.failures
    .map((failure) => toProblem(failure.error, onUnexpected))
    .reduce((first, other) => (other.status < first.status ? other : first));
  const count = error.failures.length;
  return {
    ...decisive,
    detail: `Nothing was changed: ${count} ${count === 1 ? 'problem' : 'problems'} with the items; see errors.`,
    errors: error.failures.map(({ field, message }) => ({ field, message })),
  };
}

/**
 * The problem each status an HttpException carries stands for; `detail` replaces the
 * exception's message where Nest's own says nothing a client can act on.
 */
const HTTP_EXCEPTION_PROBLEMS: Readonly<Record<number, { kind: ProblemKind; detail?: string }>> = {
  401: { kind: 'unauthorized' },
  403: { kind: 'forbidden' },
  404: { kind: 'notFound', detail: 'No resource at this path.' },
  405: { kind: 'methodNotAllowed' },
  409: { kind: 'conflict' },
  413: { kind: 'payloadTooLarge', detail: 'The request body exceeds 1 MiB.' },
  415: { kind: 'unsupportedMediaType', detail: 'Send the request body as application/json.' },
  422: { kind: 'unprocessable' },
  429: { kind: 'tooManyRequests' },
  503: { kind: 'unavailable' },
};

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const known = HTTP_EXCEPTION_PROBLEMS[status];
  if (known) return problem(known.kind, status, known.detail ?? error.message);
  return status >= 500
    ? problem('internal', status, 'An unexpected error occurred; it has been logged.')
    : problem('invalidInput', status, error.message);
}

function fromFastifyError(status: number, code: string): ProblemDetails {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payloadTooLarge', 413, 'The request body exceeds 1 MiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('unsupportedMediaType', 415, 'Send the request body as application/json.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem('uriTooLong', 414, 'A path parameter exceeds 100 characters.', [
        { field: 'path', message: 'path parameters must be at most 100 characters long' },
      ]);
    case 'FST_ERR_BAD_URL':
      return problem('invalidInput', 400, 'The path is not valid percent-encoded UTF-8.', [
        { field: 'path', message: 'path must be valid percent-encoded UTF-8' },
      ]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('invalidInput', 400, 'The request body is empty; send a JSON object.', [
        { field: 'body', message: 'body must be a JSON object' },
      ]);
    default:
      if (status < 500) {
        return problem('invalidInput', status, 'The request body is not valid JSON.', [
          { field: 'body', message: 'body must be well-formed JSON' },
        ]);
      }
      return problem('internal', 500, 'An unexpected error occurred; it has been logged.');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
