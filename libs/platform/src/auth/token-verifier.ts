import { Injectable, UnauthorizedException } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { JwtPayload, TokenExpiredError, verify } from 'jsonwebtoken';
import { Principal } from './principal';
import { strongestRole } from './role';
import { SigningKey } from './signing-key';

/**
 * How many verified tokens are remembered: enough for every client of an instance, a few MB at
 * most (a token is well under 1 KB). When full, the oldest is forgotten first.
 */
const REMEMBERED_TOKENS = 10_000;

interface Verified {
  readonly principal: Principal;
  /** From the token's `exp`: after this it is refused as expired, remembered or not. */
  readonly expiresAtMs: number;
}

/**
 * Verifies a bearer token: signature with the one configured algorithm (never `none`, never
 * an algorithm the token picks for itself), a mandatory `exp`, and a known role.
 *
 * A token that passed is remembered until its `exp`, so a client's next requests with it cost
 * a map lookup instead of an HMAC or RSA verification and a JSON parse: a request used to
 * verify its token twice (the rate limiter's caller, then the guard), about 3 % of a GET's CPU
 * each (docs/benchmarks.md). Only what verification proved is remembered: the key never
 * changes while the process runs, and a token's claims cannot change without its signature.
 * Refused tokens are not remembered, so they cannot crowd out valid ones.
 */
@Injectable()
export class TokenVerifier {
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly signingKey: SigningKey) {}

  verify(token: string): Principal {
    const remembered = this.verified.get(token);
    if (remembered && Date.now() < remembered.expiresAtMs) return remembered.principal;
    this.verified.delete(token);
    const verified = this.verifySignedClaims(token);
    if (this.verified.size >= REMEMBERED_TOKENS) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, verified);
    return verified.principal;
  }

  private verifySignedClaims(token: string): Verified {
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
    return {
      principal: { subject: typeof claims.sub === 'string' ? claims.sub : 'unknown', role },
      // jsonwebtoken accepts a token while the current second is before `exp`.
      expiresAtMs: claims.exp * 1000,
    };
  }
}

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}
