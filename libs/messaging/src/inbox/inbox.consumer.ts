import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deliveryJobId, Event, inboxQueueName, ServiceName } from '@crowdlink/contracts';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig, SERVICE_NAME } from '@crowdlink/platform';
import { Job, Worker } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { BullMqConnections } from '../bullmq-connections';
import { parseEvent } from '../event-validation';
import { DEAD_LETTER_JOB_OPTIONS, INBOX_JOB_OPTIONS, INBOX_RETRY_DELAY_MS } from '../messaging.constants';
import { MessagingMetrics } from '../messaging.metrics';
import { EventHandlerRegistry } from './event-handler.registry';
import { InboxGroupCommit, InboxOutcome } from './inbox-group-commit';
import { eventsOf, rawEventType } from './inbox-job';

/** What became of one event of an inbox job. */
export type InboxJobOutcome = InboxOutcome | 'dead-lettered' | 'retried-alone';

export interface DeadLetter {
  job: { id?: string; name: string; attemptsMade: number };
  event: unknown;
  reason: string;
  failedAt: string;
}

/**
 * Consumes the service's inbox queue, whose jobs carry a batch of events (one relay pass) or a
 * single event (retried on its own). Each event's effect commits in one transaction with the
 * row that records its id in the inbox (several events may share that transaction: see
 * InboxGroupCommit): a redelivered event finds its id there and has no second effect.
 * Malformed events and events that keep failing go to the dead-letter queue with the reason,
 * and the worker carries on.
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

  /**
   * Applies the job's events and says what became of each, in order. Malformed events are
   * dead-lettered one by one. An event whose handler throws fails a job of its own, which
   * BullMQ retries; in a batch, the others stand and the event goes on in a job of its own.
   */
  async process(job: Job): Promise<InboxJobOutcome[]> {
    const raws = eventsOf(job);
    const outcomes: InboxJobOutcome[] = [];
    const valid = await this.setAsideMalformed(job, raws, outcomes);
    const applied = await Promise.allSettled(this.groupCommit.apply(valid.map(({ event }) => event)));
    const failed: Event[] = [];
    applied.forEach((result, n) => {
      const { index, event } = valid[n]!;
      if (result.status === 'rejected') {
        if (raws.length === 1) throw result.reason;
        this.logger.warn(
          { jobId: job.id, eventId: event.id, type: event.type, reason: reasonOf(result.reason) },
          'event handler failed; retrying the event on its own',
        );
        failed.push(event);
        outcomes[index] = 'retried-alone';
        return;
      }
      (result.value === 'handled' ? this.metrics.consumed : this.metrics.duplicates).inc({ type: event.type });
      outcomes[index] = result.value;
    });
    if (failed.length > 0) await this.retryAlone(failed);
    return outcomes;
  }

  /**
   * The job's well-formed events, with their places in it; each malformed one is
   * dead-lettered (once per letter id, however often the job runs) and marked so in `outcomes`.
   */
  private async setAsideMalformed(
    job: Job,
    raws: unknown[],
    outcomes: InboxJobOutcome[],
  ): Promise<{ index: number; event: Event }[]> {
    const valid: { index: number; event: Event }[] = [];
    for (const [index, raw] of raws.entries()) {
      const parsed = parseEvent(raw, this.service);
      if (parsed.ok) {
        valid.push({ index, event: parsed.event });
        continue;
      }
      this.metrics.failed.inc({ type: rawEventType(raw), reason: 'invalid' });
      await this.deadLetter(job, parsed.reason, { event: raw, id: raws.length === 1 ? job.id : `${job.id}.${index}` });
      outcomes[index] = 'dead-lettered';
    }
    return valid;
  }

  /** Each event in a job of its own, first tried after the retry delay, then retried as any job. */
  private async retryAlone(events: Event[]): Promise<void> {
    for (const event of events) this.metrics.failed.inc({ type: event.type, reason: 'error' });
    await this.connections.inboxOf(this.service).addBulk(
      events.map((event) => ({
        name: event.type,
        data: event,
        opts: { ...INBOX_JOB_OPTIONS, jobId: deliveryJobId(event.id, this.service), delay: INBOX_RETRY_DELAY_MS },
      })),
    );
  }

  /**
   * BullMQ calls this after every failed attempt. It gives a job up when its attempts are used
   * up, or at once when the job stalled more than once (the process working it died, twice:
   * BullMQ then fails it as unrecoverable, without retrying). A given-up event is
   * dead-lettered; a given-up batch's events each go on in a job of their own, so that only an
   * event that fails (or kills its process) on its own ends up there, and none is dropped.
   */
  private async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const type = job.name; // the event's type, or the batch's name
    const stalled = error.name === 'UnrecoverableError'; // BullMQ's only unrecoverable failure of our jobs
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.failed.inc({ type, reason: stalled ? 'stalled' : exhausted ? 'exhausted' : 'error' });
    this.logger.warn({ jobId: job.id, type, attempt: job.attemptsMade, reason: error.message }, 'event handler failed');
    if (!stalled && !exhausted) return;
    const raws = eventsOf(job);
    if (raws.length === 1) {
      await this.deadLetter(job, `given up after ${job.attemptsMade} attempt(s): ${error.message}`);
      return;
    }
    const valid = await this.setAsideMalformed(job, raws, []);
    await this.retryAlone(valid.map(({ event }) => event));
  }

  /** Parks what the job carries (or one event of it) with the reason, once per letter id. */
  private async deadLetter(
    job: Job,
    reason: string,
    { event, id }: { event: unknown; id: string | undefined } = { event: job.data, id: job.id },
  ): Promise<void> {
    const letter: DeadLetter = {
      job: { id: job.id, name: job.name, attemptsMade: job.attemptsMade },
      event,
      reason,
      failedAt: new Date().toISOString(),
    };
    this.logger.error({ jobId: job.id, letterId: id, reason }, 'event dead-lettered');
    await this.connections.deadLetterOf(this.service).add(job.name, letter, { ...DEAD_LETTER_JOB_OPTIONS, jobId: id });
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
