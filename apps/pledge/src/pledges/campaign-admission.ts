import { Injectable } from '@nestjs/common';
import { maxInvestorsPerCampaign } from '@crowdlink/compliance';
import { EntityManager } from 'typeorm';
import { CampaignFullException, CampaignNotOpenException, InvestorCountLimitException } from './pledge.exceptions';
import { CampaignRow } from './pledge-rows';
import { isOpen } from './pledge-rules';
import { COUNTED_PLEDGE_STATUSES } from './investor-limit.guard';

export interface CampaignProgress {
  committed_amount: string;
  pledge_count: number;
  progress_version: number;
}

/** The campaign row's counters: the hard cap, the pledge count and the investor count. */
@Injectable()
export class CampaignAdmission {
  /**
   * The hard cap and the CN investor count, in one conditional UPDATE of the campaign row.
   * Why not read, check, then write: two transactions could both read room for one more and
   * both write. The UPDATE's WHERE is evaluated on the row while holding its lock (a
   * concurrent writer's new version is re-checked once it commits), and the lock is held only
   * until this transaction ends, so pledges into one campaign queue on this row for a few
   * milliseconds and never pass the cap between them. A distinct investor is counted only if
   * campaign_investors took a new row: a second pledge of the same investor (even concurrent,
   * which waits on the primary key) does not count again.
   *
   * The campaign row is locked before campaign_investors is touched, as a cancellation does:
   * otherwise a cancellation could delete the investor's row between this INSERT finding it
   * (ON CONFLICT DO NOTHING takes no lock) and this pledge being counted, and the investor
   * would hold a pledge without being counted.
   */
  async admit(
    manager: EntityManager,
    campaign: CampaignRow,
    investorId: string,
    amount: number,
    now: Date,
  ): Promise<CampaignProgress> {
    const maxInvestors = maxInvestorsPerCampaign(campaign.jurisdiction, campaign.kind, now);
    await manager.query(`SELECT 1 FROM campaigns WHERE project_id = $1 FOR UPDATE`, [campaign.project_id]);
    const firstPledge = (await manager.query(
      `INSERT INTO campaign_investors (project_id, investor_id, first_pledged_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING investor_id`,
      [campaign.project_id, investorId, now.toISOString()],
    )) as unknown[];
    const newInvestor = firstPledge.length === 1 ? 1 : 0;
    const [updated] = (await manager.query(
      `UPDATE campaigns
          SET committed_amount = committed_amount + $2, pledge_count = pledge_count + 1,
              investor_count = investor_count + $3, max_investors = $4::int,
              progress_version = progress_version + 1
        WHERE project_id = $1 AND status = 'LIVE' AND opens_at <= $5 AND closes_at > $5
          AND committed_amount + $2 <= max_amount
          AND ($3 = 0 OR $4::int IS NULL OR investor_count < $4::int)
        RETURNING committed_amount::text AS committed_amount, pledge_count, progress_version`,
      [campaign.project_id, amount, newInvestor, maxInvestors, now.toISOString()],
    )) as [CampaignProgress[], number];
    if (updated.length === 1) return updated[0];

    // Refused: say why, from the row as it is now (the refusal itself was atomic).
    const [current] = (await manager.query(
      `SELECT status, opens_at, closes_at, max_amount::text AS max_amount, committed_amount::text AS committed_amount,
              investor_count FROM campaigns WHERE project_id = $1`,
      [campaign.project_id],
    )) as (CampaignRow & { committed_amount: string; investor_count: number })[];
    if (!current || !isOpen(current, now)) throw new CampaignNotOpenException(campaign.project_id);
    const room = Number(current.max_amount) - Number(current.committed_amount);
    if (amount > room) throw new CampaignFullException(Math.max(room, 0));
    throw new InvestorCountLimitException(maxInvestors ?? current.investor_count);
  }

  /**
   * Gives a cancelled pledge's amount and count back to the campaign row, and its investor
   * when it was their last pledge that still counts in this campaign. Runs in the
   * cancellation's transaction after the pledge left the counted statuses. The campaign row
   * is locked first (as admit does) so the check for the investor's other pledges, a fresh
   * READ COMMITTED statement, sees every pledge of a concurrent admit that held the lock.
   */
  async release(
    manager: EntityManager,
    projectId: string,
    investorId: string,
    amount: number,
  ): Promise<CampaignProgress & { currency: string }> {
    await manager.query(`SELECT 1 FROM campaigns WHERE project_id = $1 FOR UPDATE`, [projectId]);
    const gone = (await manager.query(
      `DELETE FROM campaign_investors ci
        WHERE ci.project_id = $1 AND ci.investor_id = $2
          AND NOT EXISTS (SELECT 1 FROM pledges p WHERE p.project_id = $1 AND p.investor_id = $2
                                                    AND p.status = ANY($3))
        RETURNING ci.investor_id`,
      [projectId, investorId, COUNTED_PLEDGE_STATUSES],
    )) as [unknown[], number];
    const lastPledge = gone[0].length === 1 ? 1 : 0;
    const [updated] = (await manager.query(
      `UPDATE campaigns
          SET committed_amount = committed_amount - $2, pledge_count = pledge_count - 1,
              investor_count = investor_count - $3, progress_version = progress_version + 1
        WHERE project_id = $1
        RETURNING committed_amount::text AS committed_amount, pledge_count, progress_version,
                  trim(currency) AS currency`,
      [projectId, amount, lastPledge],
    )) as [(CampaignProgress & { currency: string })[], number];
    return updated[0];
  }
}
