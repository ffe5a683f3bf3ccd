import { Injectable, UnauthorizedException } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { JwtPayload, TokenExpiredError, verify } from 'jsonwebtoken';
import { Principal } from './principal';
import { strongestRole } from './role';
import { SigningKey } from './signing-key';

/**
 * Verifies a bearer token: signature with the one configured algorithm (never `none`, never
 * an algorithm the token picks for itself), a mandatory `exp`, and a known role.
 */
@Injectable()
export class TokenVerifier {
  constructor(private readonly signingKey: SigningKey) {}

  verify(token: string): Principal {
    let claims: JwtPayload;
    try {
      claims = verify(token, this.signingKey.key, {
        algorithms: [this.signingKey.algorithm],
      }) as JwtPayload;
    } catch (error) {
      throw new UnauthorizedException(
        error instanceof TokenExpiredError
          ? 'The bearer token has expired.'
          : 'The bearer token is invalid.',
      );
    }
    if (typeof claims.exp !== 'number') {
      throw new UnauthorizedException('The bearer token must carry an expiry (exp).');
    }
    const role = strongestRole(claims.roles);
    if (!role) {
      throw new UnauthorizedException(
        'The bearer token grants no role (roles: reader, editor or admin).',
      );
    }
    return { subject: typeof claims.sub === 'string' ? claims.sub : 'unknown', role };
  }
}

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}
