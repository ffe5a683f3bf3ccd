import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ListSchema, LOOKUPS_BY_TYPE } from '@servertree/ddd';
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

/** Documents the paging of a list: limit and offset. */
export function ApiPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'offset',
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
  );
}

/** Documents limit/offset/ordering/q and every filterable field of a list. */
export function ApiListQuery(schema: ListSchema): MethodDecorator {
  const sortable = Object.entries(schema)
    .filter(([, field]) => field.sortable !== false)
    .map(([name]) => name);
  return applyDecorators(
    ApiPageQuery(),
    ApiQuery({
      name: 'ordering',
      required: false,
      description: `Comma list, \`-\` for descending. Fields: ${sortable.join(', ')}. Default: createdAt,id`,
      example: '-createdAt,name',
    }),
    ApiQuery({ name: 'q', required: false, description: 'Case-insensitive substring of the name' }),
    ...Object.entries(schema).map(([name, field]) =>
      ApiQuery({
        name,
        required: false,
        description:
          `Filter (${field.type}). Lookups: \`${name}__<lookup>\` with ` +
          `${LOOKUPS_BY_TYPE[field.type].filter((lookup) => lookup !== 'exact').join(', ')}. ` +
          'Repeat the parameter to OR values.',
      }),
    ),
  );
}
