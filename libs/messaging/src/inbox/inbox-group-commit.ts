import { Event, EventType } from '@crowdlink/contracts';
import { runWithRequestId } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import { EventHandler, handlesRuns } from '../event-handler.decorator';
import { INBOX_MAX_GROUP_SIZE, INBOX_TRANSACTIONS_IN_FLIGHT } from '../messaging.constants';
import { EventHandlerRegistry } from './event-handler.registry';

export type InboxOutcome = 'handled' | 'duplicate';

interface Waiting {
  event: Event;
  resolve(outcome: InboxOutcome): void;
  reject(error: unknown): void;
}

/**
 * Commits the effects of the events a worker holds at the same moment in one transaction
 * (group commit): a commit, not an event, is what costs PostgreSQL the most, and a round
 * trip comes next, so a run of events of one type goes to a BatchEventHandler at once. Every event
 * still has its inbox row and its effect in the same transaction as each other. If any
 * handler in a group fails, the group rolls back and each event is applied again in a
 * transaction of its own, so only the failing event's job fails (and is retried).
 */
export class InboxGroupCommit {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerRegistry,
  ) {}

  apply(event: Event): Promise<InboxOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.startGroups();
    });
  }

  private startGroups(): void {
    while (this.inFlight < INBOX_TRANSACTIONS_IN_FLIGHT && this.waiting.length > 0) {
      const group = this.waiting.splice(0, INBOX_MAX_GROUP_SIZE);
      this.inFlight++;
      void this.commitGroup(group).finally(() => {
        this.inFlight--;
        this.startGroups();
      });
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.commit(group.map((waiting) => waiting.event));
      group.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
    }
    for (const waiting of group) {
      await this.commit([waiting.event]).then(([outcome]) => waiting.resolve(outcome!), waiting.reject);
    }
  }

  /** One transaction: record the events' ids in the inbox, apply those not seen before. */
  private commit(events: Event[]): Promise<InboxOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const recorded = (await manager.query(
        `INSERT INTO inbox (event_id, event_type)
         SELECT * FROM unnest($1::uuid[], $2::text[])
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id`,
        [events.map((event) => event.id), events.map((event) => event.type)],
      )) as { event_id: string }[];
      const fresh = new Set(recorded.map((row) => row.event_id));
      const toApply: Event[] = [];
      const outcomes = events.map((event): InboxOutcome => {
        // a second copy of an event in the same group is a duplicate of the first
        if (!fresh.delete(event.id)) return 'duplicate';
        toApply.push(event);
        return 'handled';
      });
      for (const run of runsOfOneType(toApply)) await this.applyRun(run, manager);
      return outcomes;
    });
  }

  private async applyRun(run: Event[], manager: EntityManager): Promise<void> {
    const handler = this.handlers.handlerOf(run[0]!.type) as EventHandler<EventType>;
    if (run.length > 1 && handlesRuns(handler)) {
      // log lines of a run carry its first event's id
      await runWithRequestId(run[0]!.id, () => handler.handleAll(run as never, manager));
      return;
    }
    for (const event of run) await runWithRequestId(event.id, () => handler.handle(event as never, manager));
  }
}

/** Splits events into maximal runs of consecutive events of one type, keeping their order. */
export function runsOfOneType(events: Event[]): Event[][] {
  const runs: Event[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}
