import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_ALGORITHM, loadSigningKey } from '@crowdlink/auth';
import { newId } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { SignJWT } from 'jose';
import { KeyObject } from 'node:crypto';
import { User } from './user.entity';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Signs short-lived access tokens with the gateway's private key; services hold only the public key. */
@Injectable()
export class AccessTokenIssuer {
  private readonly key: KeyObject;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.key = loadSigningKey(config);
  }

  async issue(user: Pick<User, 'id' | 'role' | 'organizationId'>): Promise<IssuedToken> {
    const claims = { role: user.role, ...(user.organizationId ? { org: user.organizationId } : {}) };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.JWT_TTL_SECONDS}s`)
      .setJti(newId())
      .sign(this.key);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }
}
