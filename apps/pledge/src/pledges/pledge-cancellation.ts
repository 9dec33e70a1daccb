import { Injectable } from '@nestjs/common';
import { Jurisdiction } from '@crowdlink/compliance';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { CampaignAdmission, progressEvent } from './campaign-admission';
import { InvestorLimitGuard } from './investor-limit.guard';
import { figuresOf } from './pledge-rows';

/** What pledge events carry of a pledge, as an UPDATE returns it: `RETURNING ${PLEDGE_FIGURES_COLUMNS}`. */
export const PLEDGE_FIGURES_COLUMNS = `id, project_id, investor_id, jurisdiction, trim(currency) AS currency,
  amount::text AS amount, version`;

export interface PledgeFiguresRow {
  id: string;
  project_id: string;
  investor_id: string;
  jurisdiction: Jurisdiction;
  currency: string;
  amount: string;
  version: number;
}

/**
 * What follows a pledge's move to CANCELLED, whoever cancelled it (the investor, or the
 * reconfirmation deadline): the campaign gets its amount, count and maybe investor back, the
 * US investor's usage is recounted, and `pledge.cancelled` and `campaign.progress` are
 * published. Runs in the transaction of the conditional UPDATE that moved the pledge, so only
 * the one caller whose UPDATE found it COMMITTED gives anything back; the caller locked the
 * campaign row before that UPDATE.
 */
@Injectable()
export class PledgeCancellation {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly admission: CampaignAdmission,
    private readonly investorLimit: InvestorLimitGuard,
  ) {}

  async release(manager: EntityManager, pledge: PledgeFiguresRow, cancelledAt: Date): Promise<void> {
    const amount = Number(pledge.amount);
    const progress = await this.admission.release(manager, pledge.project_id, pledge.investor_id, amount);
    if (pledge.jurisdiction === 'US') await this.investorLimit.recount(manager, [pledge.investor_id], cancelledAt);

    await this.outbox.publishMany(manager, [
      {
        type: 'pledge.cancelled',
        aggregateId: pledge.id,
        aggregateVersion: pledge.version,
        payload: { ...figuresOf(pledge), cancelledAt: cancelledAt.toISOString() },
      },
      progressEvent(pledge.project_id, progress.currency, progress),
    ]);
  }
}
