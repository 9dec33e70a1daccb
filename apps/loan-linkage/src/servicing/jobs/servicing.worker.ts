import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LOAN_SERVICING_QUEUE } from '@crowdlink/contracts';
import { blockingConnection, RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Queue } from 'bullmq';
import { Logger } from 'pino';
import { LoanServicingService, ServicingRun } from '../loan-servicing.service';
import { SERVICING_JOB, SERVICING_JOB_OPTIONS, SERVICING_SCHEDULER_ID } from './servicing.constants';

/**
 * Runs loan servicing every LOAN_SERVICING_INTERVAL_SECONDS (daily) as a BullMQ job scheduler:
 * one schedule in Redis however many replicas start, and BullMQ hands each run to one worker.
 */
@Injectable()
export class ServicingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private connection?: Redis;
  private queue?: Queue;
  private worker?: RunningWorker;

  constructor(
    private readonly servicing: LoanServicingService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // the scheduler's queue waits through a Redis outage at start like the worker does
    this.connection = blockingConnection(this.config.REDIS_URL);
    this.queue = new Queue(LOAN_SERVICING_QUEUE, { connection: this.connection, prefix: this.config.REDIS_PREFIX });
    this.queue.on('error', () => undefined);
    this.worker = startQueueWorker(LOAN_SERVICING_QUEUE, () => this.process(), {
      config: this.config,
      logger: this.logger,
    });
    await this.queue
      .upsertJobScheduler(
        SERVICING_SCHEDULER_ID,
        { every: this.config.LOAN_SERVICING_INTERVAL_SECONDS * 1000 },
        { name: SERVICING_JOB, opts: SERVICING_JOB_OPTIONS },
      )
      .catch((error: Error) =>
        this.logger.warn({ reason: error.message }, 'could not schedule loan servicing; will retry on next start'),
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  async process(): Promise<ServicingRun> {
    const run = await this.servicing.run();
    this.logger.info(run, 'loan servicing ran');
    return run;
  }
}
