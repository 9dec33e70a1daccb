import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PAYMENT_FIX_WINDOW_QUEUE } from '@crowdlink/contracts';
import { RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { FixWindows } from '../fix-windows';
import { SettlementProgress } from '../settlement-progress';
import { FixWindowEndJobData } from './settlement-jobs.constants';

/** Ends a pledge's fix window at `fixBy`; if it runs early by our clock, the sweep ends it later. */
@Injectable()
export class PaymentFixWindowWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: RunningWorker;

  constructor(
    private readonly fixWindows: FixWindows,
    private readonly progress: SettlementProgress,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startQueueWorker(PAYMENT_FIX_WINDOW_QUEUE, (job: Job<FixWindowEndJobData>) => this.process(job), {
      config: this.config,
      logger: this.logger,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<FixWindowEndJobData>): Promise<void> {
    if (await this.fixWindows.end(job.data.pledgeId)) await this.progress.advance(job.data.projectId);
  }
}
