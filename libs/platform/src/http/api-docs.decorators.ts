import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { FieldType, ListSchema, Lookup, LOOKUPS_BY_TYPE, parameterName } from '@servertree/ddd';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { DEFAULT_LIMIT, MAX_LIMIT } from './list-query/list-query.parser';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  401: 'Missing, malformed or expired bearer token',
  403: 'The token lacks the required role',
  404: 'Unknown id',
  409: 'Duplicate, discarded aggregate, or a concurrent change',
  412: 'If-Match does not match the current revision',
  413: 'Body over 1 MiB',
  415: 'Body is not application/json',
  422: 'Idempotency-Key reused with a different body',
  503: 'Database unreachable; retry after Retry-After seconds',
};

/** Documents the problem+json answers an endpoint can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status],
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemResponse' } },
        },
      }),
    ),
  );
}

export const ETAG_HEADER = {
  ETag: { description: 'The revision of the aggregate, quoted: "3"', schema: { type: 'string' } },
};

export function ApiIfMatch(): MethodDecorator & ClassDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Apply the change only if the current revision still has this ETag (else 412).',
  });
}

export function ApiIdParam(name: string, description: string): MethodDecorator & ClassDecorator {
  return ApiParam({
    name,
    description,
    format: 'uuid',
    example: '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b',
  });
}

/** How each list field type is written in a query parameter. */
const QUERY_VALUE_SCHEMAS: Record<FieldType, Record<string, unknown>> = {
  string: { type: 'string', maxLength: 255 },
  integer: { type: 'integer', format: 'int64' },
  datetime: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
  uuid: { type: 'string', format: 'uuid' },
};

const LOOKUP_MEANINGS: Record<Lookup, string> = {
  exact: 'equals',
  n: 'differs from',
  ic: 'contains (case-insensitive)',
  isw: 'starts with (case-insensitive)',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
};

/** Documents the paging of a list: limit and offset. */
export function ApiPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'Items per page',
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'offset',
      required: false,
      description: 'Items to skip',
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
  );
}

/**
 * Documents limit/offset/ordering/q and one typed parameter per field and lookup
 * (`ramMb__gte`, `operatingSystem.name`), from the same list schema the request is parsed
 * against, so a generated client can express every filter the service understands.
 */
export function ApiListQuery(schema: ListSchema): MethodDecorator {
  const sortable = Object.entries(schema)
    .filter(([, field]) => field.sortable !== false)
    .map(([name]) => name);
  return applyDecorators(
    ApiPageQuery(),
    ApiQuery({
      name: 'ordering',
      required: false,
      description: `Comma list of fields, \`-\` for descending. Fields: ${sortable.join(', ')}. Default: createdAt,id`,
      schema: {
        type: 'string',
        pattern: `^-?(${sortable.map(escapeRegExp).join('|')})(,-?(${sortable.map(escapeRegExp).join('|')}))*$`,
        example: '-createdAt,name',
      },
    }),
    ApiQuery({
      name: 'q',
      required: false,
      description: 'Case-insensitive substring of the name',
      schema: { type: 'string', maxLength: 255 },
    }),
    ...Object.entries(schema).flatMap(([name, field]) =>
      LOOKUPS_BY_TYPE[field.type].map((lookup) =>
        ApiQuery({
          name: parameterName(name, lookup),
          required: false,
          description:
            `Items whose ${name} ${LOOKUP_MEANINGS[lookup]} this value` +
            (field.type === 'string' ? ' (compared case-insensitively)' : '') +
            '. Repeat the parameter to OR several values.',
          schema: QUERY_VALUE_SCHEMAS[field.type],
        }),
      ),
    ),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The answer of a list: a JSON page, or with `Accept: text/csv` every matching item as a CSV
 * download (limit and offset ignored), documented as the second media type.
 */
export function ApiListResponse(page: Type, csvHeaders: readonly string[]): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(page),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({
      description:
        'A page (JSON), or with `Accept: text/csv` every matching item in the same ordering, ' +
        'limit/offset ignored, streamed: RFC 4180, header row, cells starting with = + - @ tab ' +
        "or CR prefixed with '.",
      headers: {
        'Content-Disposition': {
          description: 'CSV only: attachment; filename="…csv"',
          schema: { type: 'string' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(page) } },
        'text/csv': { schema: { type: 'string' }, example: `${csvHeaders.join(',')}\r\n` },
      },
    }),
  );
}
