import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { sign } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { SigningKey } from './signing-key';
import { TokenVerifier } from './token-verifier';

/** Bearer-token authentication and role checks for every route (see AuthGuard). */
@Module({
  providers: [
    { provide: SigningKey, useFactory: SigningKey.fromConfig, inject: [AppConfig] },
    TokenVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(private readonly signingKey: SigningKey) {}

  /** With a generated secret nobody else can mint tokens, so hand the operator one. */
  onApplicationBootstrap(): void {
    if (!this.signingKey.generated) return;
    const token = sign({ sub: 'local-admin', roles: ['admin'] }, this.signingKey.key, {
      algorithm: 'HS256',
      expiresIn: '30d',
    });
    new Logger('Auth').warn(`Admin token for this development instance (valid 30 days):\n${token}`);
  }
}
