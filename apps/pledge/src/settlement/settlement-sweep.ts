import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { LOGGER } from '@crowdlink/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CampaignCloser } from './campaign-closer';
import { FixWindows } from './fix-windows';
import { SettlementQueues } from './jobs/settlement.queues';

/**
 * The time-driven side of settlement, as one repeatable job every few seconds rather than a
 * delayed job per campaign: inbox handlers (which see deadlines change) must stay DB-only, so
 * they cannot schedule jobs, and a sweep that reads `closes_at` follows an amended deadline by
 * itself. Each run is safe to repeat and to race with anything else:
 *  - closes every LIVE campaign whose deadline has passed (the conditional close);
 *  - resumes every unfinished settlement: re-queues undecided charges (a no-op for jobs
 *    still in Redis), ends fix windows that are over, decides the outcome, refunds a FAILED
 *    one, pays out a FUNDED one — so a process killed anywhere is finished by the next run.
 */
@Injectable()
export class SettlementSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly closer: CampaignCloser,
    private readonly fixWindows: FixWindows,
    private readonly queues: SettlementQueues,
  ) {}

  async run(): Promise<void> {
    const now = this.clock.now();
    const due = (await this.dataSource.query(
      `SELECT project_id FROM campaigns WHERE status = 'LIVE' AND closes_at <= $1`,
      [now.toISOString()],
    )) as { project_id: string }[];
    for (const { project_id } of due) await this.each(project_id, () => this.closer.close(project_id, now));

    const unfinished = (await this.dataSource.query(
      `SELECT project_id FROM settlements
        WHERE finished_at IS NULL OR payout_status IN ('PENDING', 'AWAITING_PAYOUT_ACCOUNT')`,
    )) as { project_id: string }[];
    for (const { project_id } of unfinished) {
      await this.each(project_id, async () => {
        await this.fixWindows.endDue(project_id);
        await this.closer.start(project_id);
      });
    }
    await this.queues.reviveExhaustedCharges();
  }

  /** One campaign's trouble does not hold the others up; the next run tries it again. */
  private async each(projectId: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ projectId, reason: (error as Error).message }, 'settlement sweep: campaign not moved on');
    }
  }
}
