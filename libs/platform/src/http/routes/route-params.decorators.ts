import { createParamDecorator, ExecutionContext, Param } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiIdParam, ApiIfMatch } from '../api-docs.decorators';
import { expectedRevisionFrom } from '../etag';
import { UuidParamPipe } from '../uuid-param.pipe';

/**
 * A UUID path parameter: a malformed one is a 400 naming it, and OpenAPI documents it as a
 * uuid. One decorator on the parameter instead of a pipe there and a doc on the method.
 */
export function IdParam(name: string, description: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new UuidParamPipe(name))(target, key, index);
    documentMethod(target, key, ApiIdParam(name, description));
  };
}

const ifMatchRevision = createParamDecorator((_: unknown, context: ExecutionContext) =>
  expectedRevisionFrom(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/**
 * The revision the client's `If-Match` expects, or undefined when it set no condition; the
 * handler's loadForChange turns a mismatch into 412. A malformed header is a 400 naming it.
 */
export function ExpectedRevision(): ParameterDecorator {
  return (target, key, index) => {
    ifMatchRevision()(target, key, index);
    documentMethod(target, key, ApiIfMatch());
  };
}

/**
 * Parameter decorators see no property descriptor, but Swagger keeps a method's documentation
 * on the method function itself, which is the prototype's property at this point.
 */
function documentMethod(
  target: object,
  key: string | symbol | undefined,
  decorator: MethodDecorator,
): void {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (key === undefined || descriptor === undefined) {
    throw new Error('Route parameter decorators apply to controller methods only');
  }
  decorator(target, key, descriptor);
}
