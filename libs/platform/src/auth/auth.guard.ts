import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { ExecutionContexts } from '../context/execution-context';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './access.decorators';
import { grants, Role } from './role';
import { bearerTokenOf, TokenVerifier } from './token-verifier';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every route needs a bearer token unless marked public; the role it needs comes from
 * @RequiresRole or, by default, from the method. The verified subject becomes the actor of
 * every event the request causes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const required =
      this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ??
      (READ_METHODS.has(request.method) ? 'reader' : 'editor');

    const principal = this.verifier.verify(bearerToken(request));
    if (!grants(principal.role, required)) {
      throw new ForbiddenException(
        `This needs the ${required} role; the token grants ${principal.role}.`,
      );
    }
    ExecutionContexts.identify(principal.subject);
    return true;
  }
}

function bearerToken(request: FastifyRequest): string {
  const token = bearerTokenOf(request);
  if (token === undefined) throw new UnauthorizedException('Send Authorization: Bearer <token>.');
  return token;
}
