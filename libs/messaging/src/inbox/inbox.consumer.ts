import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventType, inboxQueueName, ServiceName } from '@crowdlink/contracts';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig, SERVICE_NAME } from '@crowdlink/platform';
import { Job, Worker } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { BullMqConnections } from '../bullmq-connections';
import { parseEvent } from '../event-validation';
import { DEAD_LETTER_JOB_OPTIONS } from '../messaging.constants';
import { MessagingMetrics } from '../messaging.metrics';
import { EventHandlerRegistry } from './event-handler.registry';
import { InboxGroupCommit } from './inbox-group-commit';

export interface DeadLetter {
  job: { id?: string; name: string; attemptsMade: number };
  event: unknown;
  reason: string;
  failedAt: string;
}

/**
 * Consumes the service's inbox queue. Each event's effect commits in one transaction with
 * the row that records its id in the inbox (several events may share that transaction: see
 * InboxGroupCommit): a redelivered event finds its id there and has no second effect. Malformed events and events that keep failing go to the dead-letter
 * queue with the reason, and the worker carries on.
 */
@Injectable()
export class InboxConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private readonly groupCommit: InboxGroupCommit;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerRegistry,
    private readonly connections: BullMqConnections,
    private readonly metrics: MessagingMetrics,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.groupCommit = new InboxGroupCommit(dataSource, handlers);
  }

  onApplicationBootstrap(): void {
    if (!this.handlers.hasAny()) return;
    this.worker = new Worker(inboxQueueName(this.service), (job) => this.process(job), {
      connection: this.connections.workerConnection(),
      prefix: this.connections.prefix,
      concurrency: this.config.INBOX_CONCURRENCY,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.logger.warn({ reason: error.message }, 'inbox worker error'));
  }

  /** Lets running handlers finish, then stops taking jobs. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<'handled' | 'duplicate' | 'dead-lettered'> {
    const parsed = parseEvent(job.data, this.service);
    if (!parsed.ok) {
      this.metrics.failed.inc({ type: String((job.data as { type?: unknown })?.type ?? 'unknown'), reason: 'invalid' });
      await this.deadLetter(job, parsed.reason);
      return 'dead-lettered';
    }
    const outcome = await this.groupCommit.apply(parsed.event);
    (outcome === 'handled' ? this.metrics.consumed : this.metrics.duplicates).inc({ type: parsed.event.type });
    return outcome;
  }

  private async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const type = (job.data as { type?: EventType })?.type ?? 'unknown';
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.failed.inc({ type, reason: exhausted ? 'exhausted' : 'error' });
    this.logger.warn({ jobId: job.id, type, attempt: job.attemptsMade, reason: error.message }, 'event handler failed');
    if (exhausted) await this.deadLetter(job, `handler failed ${job.attemptsMade} times: ${error.message}`);
  }

  private async deadLetter(job: Job, reason: string): Promise<void> {
    const letter: DeadLetter = {
      job: { id: job.id, name: job.name, attemptsMade: job.attemptsMade },
      event: job.data,
      reason,
      failedAt: new Date().toISOString(),
    };
    this.logger.error({ jobId: job.id, reason }, 'event dead-lettered');
    await this.connections
      .deadLetterOf(this.service)
      .add(job.name, letter, { ...DEAD_LETTER_JOB_OPTIONS, jobId: job.id });
  }
}
