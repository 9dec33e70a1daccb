import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RECONFIRMATION_DEADLINE_QUEUE } from '@crowdlink/contracts';
import { createRedis, LOGGER, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Worker } from 'bullmq';
import { Logger } from 'pino';
import { ReconfirmationDeadlines } from '../reconfirmation-deadlines';
import { ReconfirmationDeadlineQueue } from './reconfirmation-deadline.queue';

/**
 * Keeps the reconfirmation deadlines. Why a repeatable sweep rather than one delayed job per
 * pledge: the deadlines are set by the project.amended inbox handler, which may only write to
 * the database (it runs inside the inbox's group-commit transaction, and a job added there
 * would outlive a rollback or be lost with a crash after commit). The sweep finds what is due
 * from the database itself, so nothing can be forgotten, and its conditional UPDATE makes a
 * second run (or a second replica) a no-op.
 */
@Injectable()
export class ReconfirmationDeadlineWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private connection?: Redis;

  constructor(
    private readonly deadlines: ReconfirmationDeadlines,
    private readonly queue: ReconfirmationDeadlineQueue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = createRedis(this.config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: true });
    this.connection.on('error', () => undefined);
    this.worker = new Worker(RECONFIRMATION_DEADLINE_QUEUE, () => this.deadlines.cancelOverdue(), {
      connection: this.connection,
      prefix: this.config.REDIS_PREFIX,
    });
    this.worker.on('error', (error) => this.logger.warn({ reason: error.message }, 'reconfirmation worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, reason: error.message }, 'reconfirmation sweep failed; the next one retries'),
    );
    await this.queue
      .scheduleSweep()
      .catch((error: Error) =>
        this.logger.warn(
          { reason: error.message },
          'could not schedule the reconfirmation sweep; will retry on next start',
        ),
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
