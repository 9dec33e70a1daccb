import { Injectable } from '@nestjs/common';
import { TypedNewEvent } from '@crowdlink/messaging';
import { SqlParams, StatementPart, withParts } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { COUNTED_PLEDGE_STATUSES } from './investor-limit.guard';
import { LockedCampaign } from './pledge-batch-decisions';

export interface CampaignProgress {
  committed_amount: string;
  pledge_count: number;
  progress_version: number;
}

/** The campaign's `campaign.progress` after a change of its counters: the aggregate version counts those changes. */
export function progressEvent(projectId: string, currency: string, progress: CampaignProgress): TypedNewEvent {
  return {
    type: 'campaign.progress',
    aggregateId: projectId,
    aggregateVersion: progress.progress_version,
    payload: {
      projectId,
      currency,
      raised: Number(progress.committed_amount),
      pledgeCount: progress.pledge_count,
    },
  };
}

/** What a batch adds to the campaign: its accepted pledges' sum and count, and the investors new to it. */
export interface Admitted {
  raised: number;
  pledges: number;
  newInvestors: string[];
  maxInvestors: number | null;
}

/** The part of a batch's statement that updates the campaign row, returning its counters after. */
const ADMITTED_CAMPAIGN = 'admitted_campaign';

/** The locked campaign's counters once `admitted` is added. */
export function progressAfter(campaign: LockedCampaign, admitted: Admitted): CampaignProgress {
  return {
    committed_amount: (BigInt(campaign.committed_amount) + BigInt(admitted.raised)).toString(),
    pledge_count: campaign.pledge_count + admitted.pledges,
    progress_version: campaign.progress_version + 1,
  };
}

/** The campaign row's counters: the hard cap, the pledge count and the investor count. */
@Injectable()
export class CampaignAdmission {
  /**
   * Locks the campaign row for a batch of pledges and reads its terms and counters. Every
   * pledge into the campaign (and every cancellation) takes this lock first, so while it is
   * held the counters and campaign_investors are this transaction's to decide on: the batch's
   * pledges cannot pass the cap or the investor count between them, whatever the concurrency,
   * and however many processes take pledges. Undefined: no such campaign.
   */
  async lock(manager: EntityManager, projectId: string): Promise<LockedCampaign | undefined> {
    const [row] = (await manager.query(
      `SELECT project_id, status, kind, jurisdiction, trim(currency) AS currency, max_amount::text AS max_amount,
              min_pledge::text AS min_pledge, opens_at, closes_at, price_per_share::text AS price_per_share,
              committed_amount::text AS committed_amount, pledge_count, investor_count, progress_version,
              coalesce(snapshot->'rewards', '[]'::jsonb) AS rewards
         FROM campaigns WHERE project_id = $1 FOR UPDATE`,
      [projectId],
    )) as LockedCampaign[];
    return row;
  }

  /**
   * What the locked campaign's own rows say, read in one statement after its lock was granted
   * (a fresh READ COMMITTED snapshot, so it sees everything the lock's previous holders
   * committed): which of these investors it counts already, and, when asked, how many counted
   * pledges hold each of its rewards. `alongside`, other modules' parts built on `params`, run
   * in the same statement: one round trip less while the lock is held.
   */
  async readUnderLock(
    manager: EntityManager,
    params: SqlParams,
    alongside: StatementPart[],
    projectId: string,
    investorIds: string[],
    withRewards: boolean,
  ): Promise<{ counted: Set<string>; rewardsTaken: Map<string, number> }> {
    const project = params.add(projectId, 'uuid');
    const rewards = withRewards
      ? `(SELECT coalesce(jsonb_object_agg(reward_id, taken), '{}') FROM
           (SELECT reward_id, count(*)::int AS taken FROM pledges
             WHERE project_id = ${project} AND reward_id IS NOT NULL
               AND status = ANY(${params.add(COUNTED_PLEDGE_STATUSES, 'text[]')})
             GROUP BY reward_id) AS r)`
      : `'{}'::jsonb`;
    const [row] = (await manager.query(
      withParts(
        alongside,
        `SELECT array(SELECT investor_id FROM campaign_investors
                       WHERE project_id = ${project} AND investor_id = ANY(${params.add(investorIds, 'uuid[]')}))::text[] AS counted,
                ${rewards} AS rewards_taken`,
      ),
      params.values,
    )) as { counted: string[]; rewards_taken: Record<string, number> }[];
    return { counted: new Set(row!.counted), rewardsTaken: new Map(Object.entries(row!.rewards_taken)) };
  }

  /**
   * The parts of the batch's write statement that add its accepted pledges to the locked
   * campaign: its new investors, and one UPDATE of the row that still carries the open window,
   * the cap and the investor count in its WHERE (and the row its CHECKs). The UPDATE's part is
   * named ADMITTED_CAMPAIGN and returns the counters after it: no row means the decisions were
   * wrong, and the statement must fail instead of passing a limit (admittedCheck).
   */
  admitParts(params: SqlParams, campaign: LockedCampaign, admitted: Admitted, now: Date): StatementPart[] {
    const { raised, pledges, newInvestors, maxInvestors } = admitted;
    const projectId = params.add(campaign.project_id, 'uuid');
    const at = params.add(now.toISOString(), 'timestamptz');
    const newCount = params.add(newInvestors.length, 'int');
    const max = params.add(maxInvestors, 'int');
    const amount = params.add(raised, 'bigint');
    const parts: StatementPart[] = [
      [
        ADMITTED_CAMPAIGN,
        `UPDATE campaigns
            SET committed_amount = committed_amount + ${amount},
                pledge_count = pledge_count + ${params.add(pledges, 'int')},
                investor_count = investor_count + ${newCount}, max_investors = ${max},
                progress_version = progress_version + 1
          WHERE project_id = ${projectId} AND status = 'LIVE' AND opens_at <= ${at} AND closes_at > ${at}
            AND committed_amount + ${amount} <= max_amount
            AND (${newCount} = 0 OR ${max} IS NULL OR investor_count + ${newCount} <= ${max})
          RETURNING committed_amount::text AS committed_amount, pledge_count, progress_version`,
      ],
    ];
    if (newInvestors.length > 0) {
      parts.push([
        'new_investors',
        `INSERT INTO campaign_investors (project_id, investor_id, first_pledged_at)
         SELECT ${projectId}, investor_id, ${at} FROM unnest(${params.add(newInvestors, 'uuid[]')}) AS investor_id`,
      ]);
    }
    return parts;
  }

  /**
   * The final SELECT of the batch's write statement: it fails the statement (and so the
   * transaction) unless the campaign's UPDATE returned the counters the batch computed under
   * the lock (`expected`, progressAfter, which its campaign.progress event says). No row means
   * the decisions would have passed a limit. Checked in the statement itself because its
   * COMMIT is already on the way behind it.
   */
  admittedCheck(params: SqlParams, campaign: LockedCampaign, expected: CampaignProgress): string {
    return `SELECT assert_holds(
              EXISTS (SELECT 1 FROM ${ADMITTED_CAMPAIGN}
                       WHERE committed_amount = ${params.add(expected.committed_amount, 'text')}
                         AND pledge_count = ${params.add(expected.pledge_count, 'int')}
                         AND progress_version = ${params.add(expected.progress_version, 'int')}),
              ${params.add(`The batch would pass the limits of campaign ${campaign.project_id}`, 'text')})`;
  }

  /**
   * Gives a cancelled pledge's amount and count back to the campaign row, and its investor
   * when it was their last pledge that still counts in this campaign. Runs in the
   * cancellation's transaction after the pledge left the counted statuses. The caller holds
   * the campaign row's lock, taken before it moved the pledge (as admit takes it), so the check
   * for the investor's other pledges, a fresh READ COMMITTED statement, sees every pledge of a
   * concurrent admit that held the lock.
   */
  async release(
    manager: EntityManager,
    projectId: string,
    investorId: string,
    amount: number,
  ): Promise<CampaignProgress & { currency: string }> {
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
