import { Injectable } from '@nestjs/common';
import { investmentLimit, policyOf } from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';
import { SqlParams, StatementPart } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { InvestorUsage } from './pledge-batch-decisions';
import { CampaignRow, EligibilityRow } from './pledge-rows';
import { figure } from './pledge-rules';

/** Pledges that count against an investor's rolling 12-month limit. */
export const COUNTED_PLEDGE_STATUSES = ['COMMITTED', 'CHARGED', 'PAYMENT_ACTION_REQUIRED'];

/** The US investor's rolling 12-month limit, decided under the investor's usage row lock. */
@Injectable()
export class InvestorLimitGuard {
  /**
   * 17 CFR 227.100(a)(2): each of these investors' limit over the rolling 12 months in this
   * campaign. Only US campaigns in USD count; an investor without a limit (accredited) is not
   * in the answer.
   */
  limitsIn(
    campaign: Pick<CampaignRow, 'jurisdiction' | 'currency'>,
    eligibility: Map<string, EligibilityRow>,
    investorIds: string[],
    now: Date,
  ): Map<string, Money> {
    const limits = new Map<string, Money>();
    if (campaign.jurisdiction !== 'US' || campaign.currency !== policyOf('US').currency) return limits;
    for (const investorId of new Set(investorIds)) {
      const limit = limitOf(eligibility.get(investorId), now);
      if (limit !== null) limits.set(investorId, limit);
    }
    return limits;
  }

  /**
   * A running counter cannot age out old pledges, so each investor's usage row is their lock:
   * this part of a batch's statement takes the rows of the limited investors (making the
   * missing ones: the upsert locks an existing row as FOR UPDATE would), in investor order so
   * that two batches never wait on each other in a cycle. That queues their pledges into other
   * campaigns until the batch commits. None: no part.
   */
  lockPart(params: SqlParams, limits: Map<string, Money>): StatementPart | undefined {
    if (limits.size === 0) return undefined;
    return [
      'locked_usage',
      `INSERT INTO investor_usage (investor_id, jurisdiction, currency)
       SELECT investor_id, 'US', ${params.add(policyOf('US').currency)}
         FROM unnest(${params.add([...limits.keys()], 'uuid[]')}) AS investor_id ORDER BY investor_id
       ON CONFLICT (investor_id, jurisdiction) DO UPDATE SET version = investor_usage.version
       RETURNING investor_id`,
    ];
  }

  /**
   * Each limited investor's limit and what their counted pledges use, summed once lockPart's
   * locks are held: a fresh READ COMMITTED snapshot, which sees every pledge committed before
   * the locks were granted.
   */
  async usageOf(manager: EntityManager, limits: Map<string, Money>, now: Date): Promise<Map<string, InvestorUsage>> {
    if (limits.size === 0) return new Map();
    const ids = [...limits.keys()];
    const used = await this.usedSince(manager, ids, now);
    return new Map(ids.map((id) => [id, { limit: limits.get(id)!, used: used.get(id) ?? 0n }]));
  }

  /**
   * The part of the batch's write statement that records its investors' usage (none: no
   * part); the row's CHECK refuses anything above the limit.
   */
  recordPart(params: SqlParams, usage: Map<string, InvestorUsage>): StatementPart | undefined {
    if (usage.size === 0) return undefined;
    return [
      'recorded_usage',
      `UPDATE investor_usage u
          SET used_last_12_months = v.used, limit_amount = v.limit_amount, version = u.version + 1, updated_at = now()
         FROM ${params.unnest([...usage], 'v', {
           investor_id: [([id]) => id, 'uuid[]'],
           used: [([, { used }]) => used.toString(), 'bigint[]'],
           limit_amount: [([, { limit }]) => limit.minor.toString(), 'bigint[]'],
         })}
        WHERE u.investor_id = v.investor_id AND u.jurisdiction = 'US'`,
    ];
  }

  /**
   * After US pledges left the counted statuses: the usage is derived from the pledges (the
   * next pledge re-sums them under the lock, so it is freed already); the usage rows' figures
   * are refreshed under the same locks so they do not show the released amounts. The rows are
   * locked in one statement in investor order, as admissions lock them, so a failed round
   * giving back many investors' usage cannot deadlock with pledges of the same investors elsewhere.
   */
  async recount(manager: EntityManager, investorIds: string[], now: Date): Promise<void> {
    const ids = [...new Set(investorIds)];
    if (ids.length === 0 || (await this.lock(manager, ids)) === 0) return;
    const used = await this.usedSince(manager, ids, now);
    const params = new SqlParams();
    await manager.query(
      `UPDATE investor_usage u SET used_last_12_months = v.used, version = u.version + 1, updated_at = now()
         FROM ${params.unnest(ids, 'v', {
           investor_id: [(id) => id, 'uuid[]'],
           used: [(id) => (used.get(id) ?? 0n).toString(), 'bigint[]'],
         })}
        WHERE u.investor_id = v.investor_id AND u.jurisdiction = 'US'`,
      params.values,
    );
  }

  /** Locks the investors' usage rows in investor order; answers how many exist. */
  private async lock(manager: EntityManager, investorIds: string[]): Promise<number> {
    const rows = (await manager.query(
      `SELECT 1 FROM investor_usage WHERE investor_id = ANY($1::uuid[]) AND jurisdiction = 'US'
        ORDER BY investor_id FOR UPDATE`,
      [investorIds],
    )) as unknown[];
    return rows.length;
  }

  /** Each investor's counted US pledges over the 12 months before `now`; absent: none. */
  private async usedSince(manager: EntityManager, investorIds: string[], now: Date): Promise<Map<string, bigint>> {
    const since = new Date(now.getTime());
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const rows = (await manager.query(
      `SELECT investor_id, sum(amount)::text AS used FROM pledges
        WHERE investor_id = ANY($1::uuid[]) AND jurisdiction = 'US' AND status = ANY($2) AND committed_at > $3
        GROUP BY investor_id`,
      [investorIds, COUNTED_PLEDGE_STATUSES, since.toISOString()],
    )) as { investor_id: string; used: string }[];
    return new Map(rows.map((row) => [row.investor_id, BigInt(row.used)]));
  }
}

/** The investor's 12-month limit in a US campaign; null: none (accredited). */
function limitOf(eligibility: EligibilityRow | undefined, now: Date): Money | null {
  return investmentLimit(
    'US',
    {
      annualIncome: figure(eligibility, 'annual_income', 'US'),
      netWorth: figure(eligibility, 'net_worth', 'US'),
      accredited: eligibility?.accredited ?? false,
    },
    now,
  );
}
