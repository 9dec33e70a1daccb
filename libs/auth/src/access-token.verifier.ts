import { Inject, Injectable } from '@nestjs/common';
import { USER_ROLES, UserRole } from '@crowdlink/contracts';
import { isUuid } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { errors, jwtVerify } from 'jose';
import { KeyObject } from 'node:crypto';
import { InvalidTokenException, TokenExpiredException } from './auth.exceptions';
import { ACCESS_TOKEN_ALGORITHM, AuthenticatedUser } from './authenticated-user';
import { loadVerificationKey } from './signing-keys';

/** How many verified tokens a process remembers; the oldest is forgotten first. */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

interface VerifiedToken {
  user: AuthenticatedUser;
  expiresAtMs: number;
}

/**
 * Checks an access token's signature (the gateway's public key, EdDSA only), issuer, audience
 * and expiry. A client sends the same token with every request until it expires, and the
 * signature check is most of the cost of a request, so a token that passed is remembered by its
 * exact text (signature included, so no other token can hit its entry) until its `exp`.
 * Expiry is always real time, never a service's test clock: the gateway signs with real time.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.key = loadVerificationKey(config);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.user;
      this.verified.delete(token);
      throw new TokenExpiredException();
    }
    const { user, expiresAtMs } = await this.checkSignatureAndClaims(token);
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, expiresAtMs });
    return user;
  }

  private async checkSignatureAndClaims(token: string): Promise<VerifiedToken> {
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
      return {
        user: { id: payload.sub as string, role, ...(organizationId ? { organizationId } : {}) },
        expiresAtMs: payload.exp! * 1000,
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenExpiredException();
      throw new InvalidTokenException();
    }
  }
}
