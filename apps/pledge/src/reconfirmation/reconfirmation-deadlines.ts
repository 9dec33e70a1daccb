import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PLEDGE_FIGURES_COLUMNS, PledgeCancellation, PledgeFiguresRow } from '../pledges/pledge-cancellation';

/**
 * Cancels the pledges whose investors did not reconfirm in time (17 CFR 227.304(c)), one
 * campaign per transaction. Safe to run twice, or on two replicas at once: the campaign row
 * is locked first (as every change of its totals does, and as the close does when it stops
 * the campaign), and the UPDATE moves only pledges still COMMITTED and overdue, so each is
 * cancelled and given back once. A campaign that is no longer LIVE is left alone: its
 * pledges are the settlement's.
 */
@Injectable()
export class ReconfirmationDeadlines {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cancellation: PledgeCancellation,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Answers how many pledges it cancelled. */
  async cancelOverdue(): Promise<number> {
    const now = this.clock.now();
    const due = (await this.dataSource.query(
      `SELECT DISTINCT project_id FROM pledges WHERE status = 'COMMITTED' AND reconfirm_by <= $1`,
      [now.toISOString()],
    )) as { project_id: string }[];
    let cancelled = 0;
    for (const { project_id } of due) cancelled += await this.cancelOverdueIn(project_id, now);
    return cancelled;
  }

  private async cancelOverdueIn(projectId: string, now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const live = (await manager.query(
        `SELECT 1 FROM campaigns WHERE project_id = $1 AND status = 'LIVE' FOR UPDATE`,
        [projectId],
      )) as unknown[];
      if (live.length === 0) return 0;
      return this.cancelUnconfirmed(manager, projectId, now, now);
    });
  }

  /**
   * Cancels the campaign's pledges still awaiting reconfirmation (all of them when `dueBy` is
   * null: the close does that, since an unconfirmed commitment must not be charged). The
   * caller holds the campaign row lock.
   */
  async cancelUnconfirmed(manager: EntityManager, projectId: string, now: Date, dueBy: Date | null): Promise<number> {
    const [lapsed] = (await manager.query(
      `UPDATE pledges SET status = 'CANCELLED', version = version + 1, updated_at = now()
        WHERE project_id = $1 AND status = 'COMMITTED' AND reconfirm_by IS NOT NULL
          AND ($2::timestamptz IS NULL OR reconfirm_by <= $2)
        RETURNING ${PLEDGE_FIGURES_COLUMNS}`,
      [projectId, dueBy?.toISOString() ?? null],
    )) as [PledgeFiguresRow[], number];
    for (const pledge of lapsed) await this.cancellation.release(manager, pledge, now);
    return lapsed.length;
  }
}
