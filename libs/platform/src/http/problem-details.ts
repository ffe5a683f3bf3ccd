import { Violation } from '@servertree/ddd';

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly Violation[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem types, one per kind of failure; clients may switch on them. */
export const ProblemType = {
  invalidInput: { slug: 'invalid-input', title: 'Invalid input' },
  unauthorized: { slug: 'unauthorized', title: 'Authentication required' },
  forbidden: { slug: 'forbidden', title: 'Insufficient role' },
  notFound: { slug: 'not-found', title: 'Not found' },
  methodNotAllowed: { slug: 'method-not-allowed', title: 'Method not allowed' },
  conflict: { slug: 'conflict', title: 'Conflict' },
  preconditionFailed: { slug: 'precondition-failed', title: 'Precondition failed' },
  payloadTooLarge: { slug: 'payload-too-large', title: 'Payload too large' },
  unsupportedMediaType: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  unprocessable: { slug: 'unprocessable', title: 'Unprocessable request' },
  uriTooLong: { slug: 'uri-too-long', title: 'URI too long' },
  headersTooLarge: { slug: 'headers-too-large', title: 'Request headers too large' },
  requestTimeout: { slug: 'request-timeout', title: 'Request timeout' },
  tooManyRequests: { slug: 'too-many-requests', title: 'Too many requests' },
  unavailable: { slug: 'service-unavailable', title: 'Service unavailable' },
  internal: { slug: 'internal', title: 'Internal server error' },
} as const;

export type ProblemKind = keyof typeof ProblemType;

export function problem(
  kind: ProblemKind,
  status: number,
  detail: string,
  errors?: readonly Violation[],
): ProblemDetails {
  const { slug, title } = ProblemType[kind];
  return {
    type: `urn:servertree:problem:${slug}`,
    title,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
