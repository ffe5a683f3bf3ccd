import { applyDecorators, HttpCode, HttpStatus, Type, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ListSchema } from '@servertree/ddd';
import {
  ApiListQuery,
  ApiListResponse,
  ApiPageQuery,
  ApiProblems,
  ETAG_HEADER,
} from '../api-docs.decorators';
import { AnswerInterceptor } from './answer.interceptor';

/** How OpenAPI shows one successful answer: its body and, for a creation, its Location. */
export interface AnswerDoc {
  readonly type: Type<unknown>;
  readonly description?: string;
  /** What the Location header of a 201 points at, e.g. "URL of the new server". */
  readonly location?: string;
}

interface RouteOptions {
  readonly summary: string;
  /** The problem+json statuses the route answers besides 401/403 (every route needs a token). */
  readonly problems?: readonly number[];
}

export interface ReadRouteOptions extends RouteOptions {
  readonly ok: Type<unknown>;
}

export interface WriteRouteOptions extends RouteOptions {
  readonly ok?: Type<unknown> | AnswerDoc;
  readonly created?: Type<unknown> | AnswerDoc;
  /** 204: the answer is the ETag of the revision the command left, and no body. */
  readonly noContent?: true;
}

export interface ListRouteOptions extends RouteOptions {
  readonly page: Type<unknown>;
  readonly description?: string;
  /** The list's filters and ordering; without one, the route only pages (limit, offset). */
  readonly schema?: ListSchema;
  /** The export's columns, for a list that also answers `Accept: text/csv`. */
  readonly csvHeaders?: readonly string[];
}

const AUTHENTICATED = [HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN];

/**
 * One resource, read by id: answered with its ETag. The single place where the route's
 * answers are declared for OpenAPI.
 */
export function ReadRoute(options: ReadRouteOptions): MethodDecorator {
  return applyDecorators(
    UseInterceptors(AnswerInterceptor),
    ApiOperation({ summary: options.summary }),
    answerDoc(HttpStatus.OK, options.ok),
    ApiProblems(...AUTHENTICATED, ...(options.problems ?? [])),
  );
}

/**
 * A command on a resource: answered with the resource as it now stands (or, on a 204, only
 * with its ETag), see AnswerInterceptor. The status the route answers unless it returns
 * `Answer.created`: 204 if `noContent`, else 200 if it can answer `ok`, else 201. The single
 * place where the route's answers are declared for OpenAPI.
 */
export function WriteRoute(options: WriteRouteOptions): MethodDecorator {
  const { ok, created, noContent } = options;
  const status = noContent ? HttpStatus.NO_CONTENT : ok ? HttpStatus.OK : HttpStatus.CREATED;
  return applyDecorators(
    UseInterceptors(AnswerInterceptor),
    HttpCode(status),
    ApiOperation({ summary: options.summary }),
    ...(created ? [answerDoc(HttpStatus.CREATED, created)] : []),
    ...(ok ? [answerDoc(HttpStatus.OK, ok)] : []),
    ...(noContent ? [ApiResponse({ status: HttpStatus.NO_CONTENT, headers: ETAG_HEADER })] : []),
    ApiProblems(...AUTHENTICATED, ...(options.problems ?? [])),
  );
}

/** A page of resources: documents its paging (and filters, ordering) and its answers. */
export function ListRoute(options: ListRouteOptions): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary }),
    options.schema ? ApiListQuery(options.schema) : ApiPageQuery(),
    options.csvHeaders
      ? ApiListResponse(options.page, options.csvHeaders)
      : ApiResponse({
          status: HttpStatus.OK,
          type: options.page,
          description: options.description,
        }),
    ApiProblems(...AUTHENTICATED, HttpStatus.BAD_REQUEST, ...(options.problems ?? [])),
  );
}

function answerDoc(status: HttpStatus, doc: Type<unknown> | AnswerDoc): MethodDecorator {
  const { type, description, location } = typeof doc === 'function' ? { type: doc } : doc;
  return ApiResponse({
    status,
    type,
    description,
    headers: location
      ? { ...ETAG_HEADER, Location: { description: location, schema: { type: 'string' } } }
      : ETAG_HEADER,
  });
}
