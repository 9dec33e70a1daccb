import { Event } from '@crowdlink/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { handlesRuns } from '../event-handler.decorator';
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
 * trip comes next, so a run of events of one type goes to a BatchEventHandler at once. Every
 * event still has its inbox row and its effect in the same transaction as each other. If a
 * handler fails, only that event's job fails (and is retried); see commitGroup.
 */
export class InboxGroupCommit {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerRegistry,
  ) {}

  /**
   * Queues the events (of one job: they may share a group) and answers, per event, whether it
   * was applied or had been before.
   */
  apply(events: readonly Event[]): Promise<InboxOutcome>[] {
    const outcomes = events.map(
      (event) => new Promise<InboxOutcome>((resolve, reject) => this.waiting.push({ event, resolve, reject })),
    );
    this.startGroups();
    return outcomes;
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

  /**
   * Commits the group; when a handler fails, the group is rolled back and tried again without
   * the event that failed (its job fails and BullMQ retries it later), so one bad event costs
   * its group a transaction or two, not one per event. A run that failed in its batch handler
   * is applied one event at a time in the next try, to find which event it was.
   */
  private async commitGroup(group: Waiting[]): Promise<void> {
    const oneAtATime = new Set<Event>();
    let pending = group;
    while (pending.length > 0) {
      try {
        const outcomes = await this.commit(
          pending.map((waiting) => waiting.event),
          oneAtATime,
        );
        pending.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
        return;
      } catch (error) {
        if (!(error instanceof HandlerFailure)) {
          // the transaction itself failed (the inbox rows, the commit): each event on its own
          if (pending.length === 1) pending[0]!.reject(error);
          else for (const waiting of pending) await this.commitAlone(waiting);
          return;
        }
        if (error.events.length > 1) {
          error.events.forEach((event) => oneAtATime.add(event));
          continue;
        }
        const culprit = pending.find((waiting) => waiting.event === error.events[0])!;
        culprit.reject(error.reason);
        pending = pending.filter((waiting) => waiting !== culprit);
      }
    }
  }

  private async commitAlone(waiting: Waiting): Promise<void> {
    try {
      const [outcome] = await this.commit([waiting.event], new Set());
      waiting.resolve(outcome!);
    } catch (error) {
      waiting.reject(error instanceof HandlerFailure ? error.reason : error);
    }
  }

  /** One transaction: record the events' ids in the inbox, apply those not seen before. */
  private commit(events: Event[], oneAtATime: ReadonlySet<Event>): Promise<InboxOutcome[]> {
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
      for (const run of runsOfOneType(toApply)) await this.applyRun(run, manager, oneAtATime);
      return outcomes;
    });
  }

  private async applyRun(run: Event[], manager: EntityManager, oneAtATime: ReadonlySet<Event>): Promise<void> {
    const handler = this.handlers.handlerOf(run[0]!.type);
    const apply = (events: Event[]): Promise<void> =>
      (handlesRuns(handler)
        ? handler.handleAll(events as never, manager)
        : handler.handle(events[0] as never, manager)
      ).catch((reason: unknown) => {
        throw new HandlerFailure(events, reason);
      });
    if (handlesRuns(handler) && !run.some((event) => oneAtATime.has(event))) {
      await apply(run);
      return;
    }
    for (const event of run) await apply([event]);
  }
}

/** A handler threw while applying these events (one, or a run handled at once). */
class HandlerFailure extends Error {
  constructor(
    readonly events: Event[],
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Splits events into maximal runs of consecutive events of one type, keeping their order. */
function runsOfOneType(events: Event[]): Event[][] {
  const runs: Event[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}
