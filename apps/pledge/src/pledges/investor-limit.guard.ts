import { Injectable } from '@nestjs/common';
import { investmentLimit, remainingLimit } from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { InvestmentLimitExceededException } from './pledge.exceptions';
import { EligibilityRow } from './pledge-rows';
import { figure } from './pledge-rules';

/** Pledges that count against an investor's rolling 12-month limit. */
export const COUNTED_PLEDGE_STATUSES = ['COMMITTED', 'CHARGED', 'PAYMENT_ACTION_REQUIRED'];

/** The US investor's rolling 12-month limit, decided under the investor's usage row lock. */
@Injectable()
export class InvestorLimitGuard {
  /**
   * 17 CFR 227.100(a)(2): the investor's Reg CF pledges over the rolling 12 months. A running
   * counter cannot age out old pledges, so the usage row is the investor's lock: taking it
   * first queues this investor's concurrent pledges, and the window's sum is read after it
   * (a fresh READ COMMITTED snapshot that sees every pledge committed before the lock was
   * granted). The conditional UPDATE then writes the new usage only if it stays within the
   * limit, and the row's CHECK refuses anything above it.
   */
  async countIn(
    manager: EntityManager,
    investorId: string,
    eligibility: EligibilityRow | undefined,
    amount: Money,
    now: Date,
  ): Promise<void> {
    const finances = {
      annualIncome: figure(eligibility, 'annual_income', 'US'),
      netWorth: figure(eligibility, 'net_worth', 'US'),
      accredited: eligibility?.accredited ?? false,
    };
    const limit = investmentLimit('US', finances, now);
    if (limit === null) return;
    await manager.query(
      `INSERT INTO investor_usage (investor_id, jurisdiction, currency) VALUES ($1, 'US', $2) ON CONFLICT DO NOTHING`,
      [investorId, limit.currency],
    );
    await this.lock(manager, investorId);
    const used = await this.usedSince(manager, investorId, now);
    const [updated] = (await manager.query(
      `UPDATE investor_usage
          SET used_last_12_months = $2::bigint + $3::bigint, limit_amount = $4::bigint, version = version + 1,
              updated_at = now()
        WHERE investor_id = $1 AND jurisdiction = 'US' AND $2::bigint + $3::bigint <= $4::bigint
        RETURNING version`,
      [investorId, used, amount.minor.toString(), limit.minor.toString()],
    )) as [unknown[], number];
    if (updated.length === 0) {
      const remaining = remainingLimit(limit, Money.of(used, limit.currency)) ?? limit;
      throw new InvestmentLimitExceededException(Number(remaining.minor));
    }
  }

  /**
   * After a US pledge left the counted statuses: the usage is derived from the pledges (the
   * next pledge re-sums them under the lock, so it is freed already); the usage row's figure
   * is refreshed under the same lock so it does not show the cancelled amount.
   */
  async recount(manager: EntityManager, investorId: string, now: Date): Promise<void> {
    const locked = await this.lock(manager, investorId);
    if (!locked) return;
    const used = await this.usedSince(manager, investorId, now);
    await manager.query(
      `UPDATE investor_usage SET used_last_12_months = $2::bigint, version = version + 1, updated_at = now()
        WHERE investor_id = $1 AND jurisdiction = 'US'`,
      [investorId, used],
    );
  }

  private async lock(manager: EntityManager, investorId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM investor_usage WHERE investor_id = $1 AND jurisdiction = 'US' FOR UPDATE`,
      [investorId],
    )) as unknown[];
    return rows.length === 1;
  }

  private async usedSince(manager: EntityManager, investorId: string, now: Date): Promise<string> {
    const since = new Date(now.getTime());
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const [{ used }] = (await manager.query(
      `SELECT coalesce(sum(amount), 0)::text AS used FROM pledges
        WHERE investor_id = $1 AND jurisdiction = 'US' AND status = ANY($2) AND committed_at > $3`,
      [investorId, COUNTED_PLEDGE_STATUSES, since.toISOString()],
    )) as { used: string }[];
    return used;
  }
}
