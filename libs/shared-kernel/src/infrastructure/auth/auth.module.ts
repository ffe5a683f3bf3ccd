import { Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { SigningKey } from './signing-key';
import { TokenVerifier } from './token-verifier';

/** Bearer-token authentication and role checks for every route (see AuthGuard). */
@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [
    { provide: SigningKey, useFactory: SigningKey.fromConfig, inject: [AppConfig] },
    TokenVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly key: SigningKey,
    private readonly jwt: JwtService,
  ) {}

  /** With a generated secret nobody else can mint tokens, so hand the operator one. */
  onApplicationBootstrap(): void {
    if (!this.key.generated) return;
    const token = this.jwt.sign(
      { sub: 'local-admin', roles: ['admin'] },
      { secret: this.key.verifyKey, algorithm: 'HS256', expiresIn: '30d' },
    );
    new Logger('Auth').warn(`Admin token for this development instance (valid 30 days):\n${token}`);
  }
}
