import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const isProduction = (config: PlatformConfig): boolean => config.NODE_ENV === 'production';

/**
 * Every setting of every process, read from the environment and validated at boot.
 * `.env.example` documents each one; keep the two in step.
 */
export class PlatformConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/crowdlink';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespace of every Redis key and BullMQ queue, so several deployments share one Redis. */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/)
  REDIS_PREFIX = 'crowdlink';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PROJECT_LISTING_PORT = 3001;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  INVESTOR_PORT = 3002;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PLEDGE_PORT = 3003;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  LOAN_LINKAGE_PORT = 3004;

  /** Where the gateway reaches each service; defaults to HOST and the service's port. */
  @IsOptional()
  @Matches(/^https?:\/\//)
  PROJECT_LISTING_URL?: string;

  @IsOptional()
  @Matches(/^https?:\/\//)
  INVESTOR_URL?: string;

  @IsOptional()
  @Matches(/^https?:\/\//)
  PLEDGE_URL?: string;

  @IsOptional()
  @Matches(/^https?:\/\//)
  LOAN_LINKAGE_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** PEM of the Ed25519 key that signs access tokens. The gateway's only; required there in production. */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  /** PEM of the public key that every service verifies tokens with. Required in production. */
  @ValidateIf((c: PlatformConfig) => isProduction(c) || c.JWT_PUBLIC_KEY !== undefined)
  @IsString({ message: 'JWT_PUBLIC_KEY (PEM) is required in production' })
  JWT_PUBLIC_KEY?: string;

  /** Outside production, a dev key pair is generated here when no key is configured. */
  @IsString()
  JWT_KEY_DIR = '.data/jwt';

  @IsString()
  JWT_ISSUER = 'crowdlink';

  @IsString()
  JWT_AUDIENCE = 'crowdlink-api';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  JWT_TTL_SECONDS = 900;

  /** The first admin (gateway only); required there in production. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  /** Per-IP request limit on the gateway; off unless set. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE?: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_SECONDS = 900;

  /**
   * Who moves money: `sandbox` (offline, deterministic, Stripe's test payment-method names) or
   * `stripe`. The Stripe adapter is not built yet, so `stripe` is refused at boot for now.
   */
  @IsIn(['sandbox', 'stripe'])
  PAYMENT_PROVIDER: 'sandbox' | 'stripe' = 'sandbox';

  /** Stripe's secret API key (`sk_…`); required with PAYMENT_PROVIDER=stripe. */
  @ValidateIf((c: PlatformConfig) => c.PAYMENT_PROVIDER === 'stripe' || c.STRIPE_SECRET_KEY !== undefined)
  @Matches(/^(sk|rk)_(test|live)_\w+$/, {
    message:
      'STRIPE_SECRET_KEY (sk_test_… or sk_live_…) is required with PAYMENT_PROVIDER=stripe; note the Stripe adapter is not built yet, so use PAYMENT_PROVIDER=sandbox for now',
  })
  STRIPE_SECRET_KEY?: string;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(10_000)
  OUTBOX_POLL_INTERVAL_MS = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  OUTBOX_BATCH_SIZE = 500;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  INBOX_CONCURRENCY = 32;
}
