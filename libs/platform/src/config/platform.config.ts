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

  /** /metrics also carries the process's own metrics (CPU, memory, event loop, GC). */
  @IsIn(['true', 'false'])
  PROCESS_METRICS: 'true' | 'false' = 'true';

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

  /** Who moves money: `sandbox` (offline, deterministic, Stripe's test payment-method names) or `stripe`. */
  @IsIn(['sandbox', 'stripe'])
  PAYMENT_PROVIDER: 'sandbox' | 'stripe' = 'sandbox';

  /** Stripe's secret API key (`sk_…`); required with PAYMENT_PROVIDER=stripe. */
  @ValidateIf((c: PlatformConfig) => c.PAYMENT_PROVIDER === 'stripe' || c.STRIPE_SECRET_KEY !== undefined)
  @Matches(/^(sk|rk)_(test|live)_\w+$/, {
    message: 'STRIPE_SECRET_KEY (sk_test_… or sk_live_…) is required with PAYMENT_PROVIDER=stripe',
  })
  STRIPE_SECRET_KEY?: string;

  /** The signing secret of the webhook endpoint (`whsec_…`); required with PAYMENT_PROVIDER=stripe. */
  @ValidateIf((c: PlatformConfig) => c.PAYMENT_PROVIDER === 'stripe' || c.STRIPE_WEBHOOK_SECRET !== undefined)
  @Matches(/^whsec_\w+$/, { message: 'STRIPE_WEBHOOK_SECRET (whsec_…) is required with PAYMENT_PROVIDER=stripe' })
  STRIPE_WEBHOOK_SECRET?: string;

  /** Another Stripe API base URL (stripe-mock, an egress proxy); Stripe's own when unset. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, { message: 'STRIPE_API_URL must be like http://127.0.0.1:12111 (no path)' })
  STRIPE_API_URL?: string;

  /** How old a webhook's signed timestamp may be before it is refused as stale. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3_600)
  STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

  /** The platform's fee on a FUNDED campaign, in basis points of what was charged. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  PLATFORM_FEE_BPS = 500;

  /** Off-session charges per second at a close (Stripe's default limit is ~25/s per endpoint). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  SETTLEMENT_CHARGES_PER_SECOND = 20;

  /** How long a soft-declined investor may give a new payment method (Kickstarter: 7 days). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PAYMENT_FIX_WINDOW_SECONDS = 604_800;

  /** Business days an investor has to reconfirm after a material change (§227.304(c)). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  RECONFIRMATION_BUSINESS_DAYS = 5;

  /** Loan-to-value caps by IP asset type, basis points of the current valuation (domain-rules.md §3). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_INVENTION_PATENT = 2_500;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_UTILITY_MODEL = 1_500;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_DESIGN_PATENT = 1_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_TRADEMARK = 5_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_COPYRIGHT = 1_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  LTV_BPS_SOFTWARE_COPYRIGHT = 1_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(360)
  LOAN_MAX_TERM_MONTHS = 36;

  /** Days an instalment may stay unpaid before its loan is DEFAULTED. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOAN_DEFAULT_AFTER_DAYS_OVERDUE = 90;

  /** How often the loan servicing job (overdue instalments, defaults) runs. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOAN_SERVICING_INTERVAL_SECONDS = 86_400;

  /**
   * Test and demo only: lets an admin move a service's clock forward through the API
   * (loan-linkage's `POST /v1/admin/test-clock`). Refused in production.
   */
  @IsIn(['true', 'false'])
  TEST_CLOCK_CONTROL: 'true' | 'false' = 'false';

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(10_000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  OUTBOX_BATCH_SIZE = 500;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  // jobs wait for their group's commit, so this also bounds how many events share a transaction
  INBOX_CONCURRENCY = 128;
}
