import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JURISDICTIONS } from '@crowdlink/compliance';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { InvestorLimit, investorLimitIn } from './investor-limit';
import { COUNTED_PLEDGE_STATUSES } from './investor-pledge.projection';
import { pledgeConditionsIn, PledgeConditions } from './pledge-conditions';

/** The investor's limit per jurisdiction over the rolling 12 months ending at the clock's now. */
@Injectable()
export class LimitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: InvestorProfilesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async limitsOf(userId: string): Promise<(InvestorLimit & { conditions: PledgeConditions })[]> {
    const profile = await this.profiles.get(userId);
    const now = this.clock.now();
    const used = await this.usedLast12Months(userId, now);
    const finances = {
      currency: profile.currency,
      annualIncome: profile.annualIncome,
      netWorth: profile.netWorth,
      accredited: profile.selfCertifiedAccredited,
    };
    const conditionFigures = {
      currency: profile.currency,
      netWorth: profile.netWorth,
      financialAssets: profile.financialAssets,
      averageAnnualIncomeThreeYears: profile.averageAnnualIncomeThreeYears,
      sophisticated: profile.sophisticatedStatus === 'APPROVED',
    };
    return JURISDICTIONS.map((jurisdiction) => ({
      ...investorLimitIn(jurisdiction, finances, used.get(jurisdiction) ?? new Map(), now),
      conditions: pledgeConditionsIn(jurisdiction, conditionFigures, now),
    }));
  }

  /** Committed (and later charged) pledges whose commit lies in (now − 12 months, now], by jurisdiction and currency. */
  private async usedLast12Months(userId: string, now: Date): Promise<Map<string, Map<string, bigint>>> {
    const since = new Date(now.getTime());
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const rows = (await this.dataSource.query(
      `SELECT jurisdiction, currency, sum(amount)::text AS used
         FROM investor_pledges
        WHERE investor_id = $1 AND status = ANY($2) AND committed_at > $3 AND committed_at <= $4
        GROUP BY jurisdiction, currency`,
      [userId, COUNTED_PLEDGE_STATUSES, since.toISOString(), now.toISOString()],
    )) as { jurisdiction: string; currency: string; used: string }[];
    const used = new Map<string, Map<string, bigint>>();
    for (const row of rows) {
      const byCurrency = used.get(row.jurisdiction) ?? new Map<string, bigint>();
      byCurrency.set(row.currency.trim(), BigInt(row.used));
      used.set(row.jurisdiction, byCurrency);
    }
    return used;
  }
}
