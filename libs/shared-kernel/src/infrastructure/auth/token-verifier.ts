import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Principal } from './principal';
import { strongestRole } from './role';
import { SigningKey } from './signing-key';

/**
 * Verifies a bearer token: signature with the one configured algorithm (never `none`, never
 * an algorithm the token picks for itself), a mandatory `exp`, and a known role.
 */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly key: SigningKey,
  ) {}

  async verify(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(token, {
        algorithms: [this.key.algorithm],
        ...(this.key.algorithm === 'HS256'
          ? { secret: this.key.verifyKey }
          : { publicKey: this.key.verifyKey }),
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthorizedException(
        expired ? 'The bearer token has expired.' : 'The bearer token is invalid.',
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
