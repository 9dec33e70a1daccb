import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PROJECT_GO_LIVE_QUEUE } from '@crowdlink/contracts';
import { Clock, CLOCK } from '@crowdlink/domain';
import { createRedis, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Queue } from 'bullmq';
import { GO_LIVE_JOB, GO_LIVE_JOB_OPTIONS, GoLiveJobData, goLiveJobId } from './go-live.constants';

/** Schedules the opening of approved projects as delayed jobs. */
@Injectable()
export class GoLiveQueue implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue<GoLiveJobData>;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.connection = createRedis(config.REDIS_URL);
    this.connection.on('error', () => undefined);
    this.queue = new Queue<GoLiveJobData>(PROJECT_GO_LIVE_QUEUE, {
      connection: this.connection,
      prefix: config.REDIS_PREFIX,
    });
    this.queue.on('error', () => undefined);
  }

  /**
   * Runs at `opensAt`, or at once when it has passed. The job id is the project's, so a job
   * already there stands; one that failed for good (its retries ran out, or its process died
   * twice while running it) is tried again, or the project would wait for BullMQ to forget it.
   */
  async schedule(projectId: string, opensAt: Date): Promise<void> {
    const delay = Math.max(0, opensAt.getTime() - this.clock.now().getTime());
    const job = await this.queue.add(
      GO_LIVE_JOB,
      { projectId },
      { ...GO_LIVE_JOB_OPTIONS, jobId: goLiveJobId(projectId), delay },
    );
    if (await job.isFailed()) await job.retry('failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
