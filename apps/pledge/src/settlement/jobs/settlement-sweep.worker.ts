import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CAMPAIGN_CLOSE_QUEUE } from '@crowdlink/contracts';
import { RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { Logger } from 'pino';
import { SettlementSweep } from '../settlement-sweep';
import { SettlementQueues } from './settlement.queues';

/** Schedules the repeatable sweep and runs it, one run at a time. */
@Injectable()
export class SettlementSweepWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: RunningWorker;

  constructor(
    private readonly sweep: SettlementSweep,
    private readonly queues: SettlementQueues,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      CAMPAIGN_CLOSE_QUEUE,
      () => this.sweep.run(),
      { config: this.config, logger: this.logger },
      { concurrency: 1 },
    );
    await this.queues
      .scheduleSweep()
      .catch((error: Error) =>
        this.logger.warn(
          { reason: error.message },
          'could not schedule the settlement sweep; will retry on next start',
        ),
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
