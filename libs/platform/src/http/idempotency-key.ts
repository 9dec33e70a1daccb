import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK, DomainException } from '@crowdlink/domain';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../logging/logger.token';

/** api.md: an `Idempotency-Key` is any string of 1 to 255 characters. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export class InvalidIdempotencyKeyException extends DomainException {
  constructor() {
    super('INVALID_IDEMPOTENCY_KEY', 'invalid', `An Idempotency-Key is 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  }
}

export class IdempotencyKeyReusedException extends DomainException {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'unprocessable', 'This Idempotency-Key was used with another request');
  }
}

export function assertIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw new InvalidIdempotencyKeyException();
}

/** api.md: keys are kept at least 24 hours; the sweep leaves a day's margin. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 48 * 3600 * 1000;
const IDEMPOTENCY_SWEEP_EVERY_MS = 3600 * 1000;

/** Deletes the service's `idempotency_keys` (a `created_at` column) older than the retention. */
export async function deleteExpiredIdempotencyKeys(dataSource: DataSource, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
  const [, deleted] = (await dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [
    before.toISOString(),
  ])) as [unknown, number];
  return deleted;
}

/**
 * Runs deleteExpiredIdempotencyKeys every hour in the background, for a service that keeps
 * an `idempotency_keys` table: list it among the module's providers.
 */
@Injectable()
export class IdempotencyKeySweeper implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), IDEMPOTENCY_SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** A failed sweep is tried again at the next hour; the keys only wait longer. */
  private async sweep(): Promise<void> {
    try {
      await deleteExpiredIdempotencyKeys(this.dataSource, this.clock.now());
    } catch (error) {
      this.logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'idempotency key sweep failed',
      );
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
