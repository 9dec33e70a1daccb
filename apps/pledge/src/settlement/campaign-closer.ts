import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { ReconfirmationDeadlines } from '../reconfirmation/reconfirmation-deadlines';
import { ChargeCollector } from './charge-collector';
import { SettlementProgress } from './settlement-progress';

/**
 * Closes a LIVE campaign (its deadline passed, or an admin closes it now) and starts its
 * settlement. One conditional UPDATE (LIVE → SETTLING) decides it, so a duplicated close (the
 * sweep twice, an admin twice, both at once) has one effect; from then on pledges answer
 * CAMPAIGN_NOT_OPEN. Pledges still awaiting reconfirmation after a material change are
 * cancelled first: an unconfirmed commitment is never charged (§227.304(c)). An ALL_OR_NOTHING campaign below target is FAILED at once: nothing is
 * charged (domain-rules.md §2); otherwise every COMMITTED pledge is queued for its charge.
 */
@Injectable()
export class CampaignCloser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly charges: ChargeCollector,
    private readonly progress: SettlementProgress,
    private readonly reconfirmations: ReconfirmationDeadlines,
  ) {}

  /** True if this call closed it; `dueBy`: only if its deadline is at or before then. */
  async close(projectId: string, dueBy?: Date): Promise<boolean> {
    const closed = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [flipped] = (await manager.query(
        `UPDATE campaigns SET status = 'SETTLING', updated_at = now()
          WHERE project_id = $1 AND status = 'LIVE' AND ($2::timestamptz IS NULL OR closes_at <= $2)
          RETURNING funding_model, target_amount::text AS target_amount`,
        [projectId, dueBy?.toISOString() ?? null],
      )) as [{ funding_model: string; target_amount: string }[], number];
      const campaign = flipped[0];
      if (!campaign) return false;
      await this.reconfirmations.cancelUnconfirmed(manager, projectId, now, null);
      const [{ committed }] = (await manager.query(
        `SELECT coalesce(sum(amount), 0)::text AS committed FROM pledges WHERE project_id = $1 AND status = 'COMMITTED'`,
        [projectId],
      )) as { committed: string }[];
      const belowTarget =
        campaign.funding_model === 'ALL_OR_NOTHING' && Number(committed) < Number(campaign.target_amount);
      await manager.query(
        `INSERT INTO settlements (project_id, closed_at, outcome, decided_at) VALUES ($1, $2, $3, $4)`,
        [projectId, now.toISOString(), belowTarget ? 'FAILED' : null, belowTarget ? now.toISOString() : null],
      );
      return true;
    });
    if (closed) await this.start(projectId);
    return closed;
  }

  /** Also how the sweep resumes a settlement whose start a crash cut short. */
  async start(projectId: string): Promise<void> {
    await this.charges.queueUndecided(projectId);
    await this.progress.advance(projectId);
  }
}
