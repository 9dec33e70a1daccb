import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CAMPAIGN_CLOSE_QUEUE, PAYMENT_FIX_WINDOW_QUEUE, SETTLEMENT_CHARGE_QUEUE } from '@crowdlink/contracts';
import { Clock, CLOCK } from '@crowdlink/domain';
import { createRedis, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Queue } from 'bullmq';
import {
  CHARGE_JOB,
  CHARGE_JOB_OPTIONS,
  ChargeJobData,
  chargeJobId,
  EXHAUSTED_CHARGE_REVIVAL_MS,
  FIX_WINDOW_END_JOB,
  FIX_WINDOW_END_JOB_OPTIONS,
  FixWindowEndJobData,
  fixWindowEndJobId,
  SETTLEMENT_SWEEP_EVERY_MS,
  SETTLEMENT_SWEEP_JOB,
  SETTLEMENT_SWEEP_JOB_OPTIONS,
  SETTLEMENT_SWEEP_SCHEDULER_ID,
} from './settlement-jobs.constants';

/** Adds the settlement's jobs. Adding one that exists is a no-op (deterministic ids). */
@Injectable()
export class SettlementQueues implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly sweeps: Queue;
  private readonly charges: Queue<ChargeJobData>;
  private readonly fixWindows: Queue<FixWindowEndJobData>;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.connection = createRedis(config.REDIS_URL);
    this.connection.on('error', () => undefined);
    const options = { connection: this.connection, prefix: config.REDIS_PREFIX };
    this.sweeps = new Queue(CAMPAIGN_CLOSE_QUEUE, options);
    this.charges = new Queue<ChargeJobData>(SETTLEMENT_CHARGE_QUEUE, options);
    this.fixWindows = new Queue<FixWindowEndJobData>(PAYMENT_FIX_WINDOW_QUEUE, options);
    for (const queue of [this.sweeps, this.charges, this.fixWindows]) queue.on('error', () => undefined);
  }

  /** One schedule however many replicas call it. */
  async scheduleSweep(): Promise<void> {
    await this.sweeps.upsertJobScheduler(
      SETTLEMENT_SWEEP_SCHEDULER_ID,
      { every: SETTLEMENT_SWEEP_EVERY_MS },
      { name: SETTLEMENT_SWEEP_JOB, opts: SETTLEMENT_SWEEP_JOB_OPTIONS },
    );
  }

  async charge(attempts: ChargeJobData[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.charges.addBulk(
      attempts.map((data) => ({ name: CHARGE_JOB, data, opts: { ...CHARGE_JOB_OPTIONS, jobId: chargeJobId(data) } })),
    );
  }

  /** Charges whose retries ran out long enough ago (the provider was down for hours) try again. */
  async reviveExhaustedCharges(): Promise<void> {
    await this.charges.retryJobs({ state: 'failed', timestamp: Date.now() - EXHAUSTED_CHARGE_REVIVAL_MS });
  }

  /** Runs at `fixBy` (the sweep catches one that is lost or runs early). */
  async endFixWindowAt(data: FixWindowEndJobData, fixBy: Date): Promise<void> {
    const delay = Math.max(0, fixBy.getTime() - this.clock.now().getTime());
    await this.fixWindows.add(FIX_WINDOW_END_JOB, data, {
      ...FIX_WINDOW_END_JOB_OPTIONS,
      jobId: fixWindowEndJobId(data.pledgeId),
      delay,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.sweeps.close(), this.charges.close(), this.fixWindows.close()]);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
