import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RECONFIRMATION_DEADLINE_QUEUE } from '@crowdlink/contracts';
import { RunningWorker, startQueueWorker } from '@crowdlink/messaging';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
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
  private worker?: RunningWorker;

  constructor(
    private readonly deadlines: ReconfirmationDeadlines,
    private readonly queue: ReconfirmationDeadlineQueue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(RECONFIRMATION_DEADLINE_QUEUE, () => this.deadlines.cancelOverdue(), {
      config: this.config,
      logger: this.logger,
    });
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
  }
}
