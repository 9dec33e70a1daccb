import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthGuard } from './auth.guard';

/** Verifies access tokens on every route of the service that imports it. */
@Module({
  providers: [AccessTokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
