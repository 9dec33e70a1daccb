import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { PledgeDto } from './dto/pledge.dto';
import { IdempotencyKeyReusedException, InvalidIdempotencyKeyException } from './pledge.exceptions';

/** api.md: keys are kept at least 24 hours; the sweep leaves a day's margin. */
const IDEMPOTENCY_KEY_RETENTION_MS = 48 * 3600 * 1000;
const IDEMPOTENCY_SWEEP_EVERY_MS = 3600 * 1000;

/**
 * Idempotency-Keys of pledge requests: claimed in the pledge's own transaction, replayed,
 * stored with the answer, and swept after their retention.
 */
@Injectable()
export class IdempotencyKeys implements OnModuleInit, OnModuleDestroy {
  private sweep?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweep = setInterval(() => void this.sweepExpired().catch(() => undefined), IDEMPOTENCY_SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  async sweepExpired(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [before.toISOString()]);
  }

  validate(key: string | undefined): void {
    if (key !== undefined && (key.length < 1 || key.length > 255)) throw new InvalidIdempotencyKeyException();
  }

  /**
   * Claims the key in the caller's transaction. A second request with the same key blocks on
   * the primary key until the first commits (then it gets what the first answered) or rolls
   * back (then it claims the key afresh). Answers the prior answer to replay, or undefined
   * when the key is now this transaction's.
   */
  async claim(manager: EntityManager, investorId: string, key: string, hash: string): Promise<PledgeDto | undefined> {
    const claimed = (await manager.query(
      `INSERT INTO idempotency_keys (investor_id, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, 0, 'null') ON CONFLICT (investor_id, key) DO NOTHING RETURNING key`,
      [investorId, key, hash],
    )) as unknown[];
    if (claimed.length === 1) return undefined;
    const [prior] = (await manager.query(
      `SELECT request_hash, response_body FROM idempotency_keys WHERE investor_id = $1 AND key = $2`,
      [investorId, key],
    )) as { request_hash: string; response_body: PledgeDto }[];
    if (!prior || prior.request_hash !== hash) throw new IdempotencyKeyReusedException();
    return prior.response_body;
  }

  async store(manager: EntityManager, investorId: string, key: string, pledge: PledgeDto): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE investor_id = $1 AND key = $2`,
      [investorId, key, JSON.stringify(pledge)],
    );
  }
}

export function requestHash(projectId: string, body: CreatePledgeDto): string {
  const canonical = JSON.stringify([
    projectId,
    body.amount,
    body.rewardId ?? null,
    body.paymentMethod,
    body.riskAcknowledged ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
