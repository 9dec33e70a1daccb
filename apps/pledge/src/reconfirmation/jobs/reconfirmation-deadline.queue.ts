import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RECONFIRMATION_DEADLINE_QUEUE } from '@crowdlink/contracts';
import { createRedis, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Queue } from 'bullmq';
import {
  RECONFIRMATION_SWEEP_EVERY_MS,
  RECONFIRMATION_SWEEP_JOB,
  RECONFIRMATION_SWEEP_JOB_OPTIONS,
  RECONFIRMATION_SWEEP_SCHEDULER_ID,
} from './reconfirmation-deadline.constants';

/** Schedules the reconfirmation sweep: one schedule however many replicas ask for it. */
@Injectable()
export class ReconfirmationDeadlineQueue implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.connection = createRedis(config.REDIS_URL);
    this.connection.on('error', () => undefined);
    this.queue = new Queue(RECONFIRMATION_DEADLINE_QUEUE, { connection: this.connection, prefix: config.REDIS_PREFIX });
    this.queue.on('error', () => undefined);
  }

  async scheduleSweep(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECONFIRMATION_SWEEP_SCHEDULER_ID,
      { every: RECONFIRMATION_SWEEP_EVERY_MS },
      { name: RECONFIRMATION_SWEEP_JOB, opts: RECONFIRMATION_SWEEP_JOB_OPTIONS },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
