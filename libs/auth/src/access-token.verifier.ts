import { Inject, Injectable } from '@nestjs/common';
import { USER_ROLES, UserRole } from '@crowdlink/contracts';
import { isUuid } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { errors, jwtVerify } from 'jose';
import { KeyObject } from 'node:crypto';
import { InvalidTokenException, TokenExpiredException } from './auth.exceptions';
import { ACCESS_TOKEN_ALGORITHM, AuthenticatedUser } from './authenticated-user';
import { loadVerificationKey } from './signing-keys';

/** Checks an access token's signature (the gateway's public key, EdDSA only), issuer, audience and expiry. */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.key = loadVerificationKey(config);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const role = payload.role as UserRole;
      if (!isUuid(payload.sub) || !USER_ROLES.includes(role)) throw new InvalidTokenException();
      const organizationId = typeof payload.org === 'string' ? payload.org : undefined;
      return { id: payload.sub as string, role, ...(organizationId ? { organizationId } : {}) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenExpiredException();
      throw new InvalidTokenException();
    }
  }
}
