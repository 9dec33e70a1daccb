import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig, REDIS, Redis, redisKey } from '@crowdlink/platform';
import { createHash } from 'node:crypto';
import { DependencyUnavailableException, TooManyAttemptsException } from './identity.exceptions';

/**
 * Counts failed logins per account in Redis. After LOGIN_MAX_FAILURES within
 * LOGIN_LOCK_SECONDS the account refuses logins until the window passes, whatever the
 * password, so guessing is slow even from many addresses.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async assertAllowed(email: string): Promise<void> {
    const key = this.keyOf(email);
    const [failures, ttl] = await this.call(() => Promise.all([this.redis.get(key), this.redis.ttl(key)]));
    if (Number(failures ?? 0) >= this.config.LOGIN_MAX_FAILURES) {
      throw new TooManyAttemptsException(ttl > 0 ? ttl : this.config.LOGIN_LOCK_SECONDS);
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.keyOf(email);
    await this.call(() => this.redis.multi().incr(key).expire(key, this.config.LOGIN_LOCK_SECONDS, 'NX').exec());
  }

  async reset(email: string): Promise<void> {
    await this.call(() => this.redis.del(this.keyOf(email)));
  }

  /** Emails are personal data: the key holds a digest, not the address. */
  private keyOf(email: string): string {
    const digest = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return redisKey(this.config.REDIS_PREFIX, 'login-failures', digest);
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new DependencyUnavailableException('Redis');
    }
  }
}
