import { Module } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { FirstAdmin } from './first-admin';
import { IdentityService } from './identity.service';
import { LoginThrottle } from './login-throttle';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';

/** Users, roles, passwords and access tokens. */
@Module({
  controllers: [AuthController, MeController, AdminUsersController],
  providers: [IdentityService, PasswordHasher, AccessTokenIssuer, LoginThrottle, FirstAdmin],
})
export class IdentityModule {}
