import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PROJECT_GO_LIVE_QUEUE } from '@crowdlink/contracts';
import { RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DelayedError, Job } from 'bullmq';
import { Logger } from 'pino';
import { ReviewService } from '../review.service';
import { GO_LIVE_CONCURRENCY, GoLiveJobData } from './go-live.constants';
import { GoLiveQueue } from './go-live.queue';

/**
 * Opens approved projects when their time comes. On start it schedules every APPROVED
 * project again, so a job lost between the approval's commit and its enqueue (Redis away)
 * is made good on the next start; the deterministic job id makes that a no-op otherwise.
 */
@Injectable()
export class GoLiveWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: RunningWorker;

  constructor(
    private readonly review: ReviewService,
    private readonly queue: GoLiveQueue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      PROJECT_GO_LIVE_QUEUE,
      (job: Job<GoLiveJobData>, token?: string) => this.process(job, token),
      { config: this.config, logger: this.logger },
      { concurrency: GO_LIVE_CONCURRENCY },
    );
    await this.rescheduleApproved().catch((error: Error) =>
      this.logger.warn({ reason: error.message }, 'could not reschedule approved projects; will retry on next start'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<GoLiveJobData>, token?: string): Promise<string> {
    const outcome = await this.review.goLive(job.data.projectId);
    if (outcome === 'too-early') {
      // Redis's clock ran ahead of ours: wait for opensAt as the database sees it
      const opensAt = await this.review.opensAtOf(job.data.projectId);
      await job.moveToDelayed(Math.max(opensAt.getTime(), Date.now() + 1000), token);
      throw new DelayedError();
    }
    return outcome;
  }

  private async rescheduleApproved(): Promise<void> {
    for (const { id, opensAt } of await this.review.approvedProjects()) await this.queue.schedule(id, opensAt);
  }
}
