import { ServiceName } from '@crowdlink/contracts';
import { Job } from 'bullmq';
import { BullMqConnections } from '../bullmq-connections';
import { INBOX_JOB_OPTIONS } from '../messaging.constants';
import { DeadLetter } from './inbox.consumer';
import { EVENT_BATCH_JOB_NAME, eventsCarried, rawEventType } from './inbox-job';

/** A dead letter as an operator sees it. */
export interface DeadLetterSummary {
  id: string;
  failedAt: string;
  /** The event's type (`unknown` if it names none), or `events` for a batch parked whole by an older consumer. */
  type: string;
  events: number;
  reason: string;
}

/**
 * A service's dead letters for the people who run it: what is parked and why, and, once the
 * cause is mended (a consumer upgraded to a new contract version, a handler fixed), each
 * parked event sent back to the service's inbox in a job of its own. The inbox table makes a
 * replay of an event that did take effect harmless; a letter is removed once its events are
 * queued again, and replaying it twice queues nothing twice (the job ids come from the letter).
 */
export class DeadLetterOffice {
  constructor(
    private readonly service: ServiceName,
    private readonly connections: BullMqConnections,
  ) {}

  async list(): Promise<DeadLetterSummary[]> {
    return (await this.parked()).map((letter) => {
      const events = eventsIn(letter);
      return {
        id: letter.id!,
        failedAt: letter.data.failedAt,
        type: events.length === 1 ? rawEventType(events[0]) : EVENT_BATCH_JOB_NAME,
        events: events.length,
        reason: letter.data.reason,
      };
    });
  }

  /** Sends the events of the given letters (all of them: none given) back; answers how many. */
  async replay(letterIds?: string[]): Promise<number> {
    const wanted = letterIds && new Set(letterIds);
    const letters = (await this.parked()).filter((letter) => !wanted || wanted.has(letter.id!));
    const unknown = letterIds?.filter((id) => !letters.some((letter) => letter.id === id)) ?? [];
    if (unknown.length > 0) throw new Error(`no dead letter ${unknown.join(', ')} for ${this.service}`);
    let replayed = 0;
    for (const letter of letters) {
      const events = eventsIn(letter);
      await this.connections.inboxOf(this.service).addBulk(
        events.map((event, index) => ({
          name: rawEventType(event),
          data: event,
          opts: { ...INBOX_JOB_OPTIONS, jobId: `${letter.id}.replay.${index}` },
        })),
      );
      await letter.remove();
      replayed += events.length;
    }
    return replayed;
  }

  /** Letters wait in their queue, which no worker takes from, oldest first. */
  private async parked(): Promise<Job<DeadLetter>[]> {
    const letters = this.connections.deadLetterOf(this.service);
    return ((await letters.getJobs(['waiting'], 0, -1, true)) as Job<DeadLetter>[]).filter(Boolean);
  }
}

/** The events a letter holds: one, or a whole batch parked by an older consumer. */
function eventsIn(letter: Job<DeadLetter>): unknown[] {
  return eventsCarried(letter.data.job.name, letter.data.event);
}
