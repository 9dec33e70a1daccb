import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SETTLEMENT_CHARGE_QUEUE } from '@crowdlink/contracts';
import { RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { ChargeCollector } from '../charge-collector';
import { SettlementProgress } from '../settlement-progress';
import {
  CHARGE_CONCURRENCY,
  CHARGE_LOCK_DURATION_MS,
  CHARGE_MAX_STALLED_COUNT,
  CHARGE_STALLED_INTERVAL_MS,
  ChargeJobData,
} from './settlement-jobs.constants';

/**
 * Off-session charges at SETTLEMENT_CHARGES_PER_SECOND across every replica (BullMQ's
 * limiter is per queue, not per worker), each followed by a look at whether the settlement
 * can now be decided.
 */
@Injectable()
export class SettlementChargeWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: RunningWorker;

  constructor(
    private readonly collector: ChargeCollector,
    private readonly progress: SettlementProgress,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startQueueWorker(
      SETTLEMENT_CHARGE_QUEUE,
      (job: Job<ChargeJobData>) => this.process(job),
      { config: this.config, logger: this.logger },
      {
        concurrency: CHARGE_CONCURRENCY,
        limiter: { max: this.config.SETTLEMENT_CHARGES_PER_SECOND, duration: 1000 },
        lockDuration: CHARGE_LOCK_DURATION_MS,
        stalledInterval: CHARGE_STALLED_INTERVAL_MS,
        maxStalledCount: CHARGE_MAX_STALLED_COUNT,
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<ChargeJobData>): Promise<void> {
    await this.collector.collect(job.data);
    await this.progress.advance(job.data.projectId);
  }
}
