import { Injectable } from '@nestjs/common';
import { ShareHoldingV1 } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

interface EquityCampaignRow {
  kind: string;
  currency: string;
  share_class: string | null;
  price_per_share: string | null;
}

interface HoldingRow {
  investor_id: string;
  shares: string;
  amount: string;
}

/** The aggregate version of the one shares.issued event a campaign ever publishes. */
const SHARES_ISSUED_VERSION = 1;

/** Writes a funded equity campaign's shares to its cap table. */
@Injectable()
export class CapTable {
  constructor(private readonly outbox: OutboxPublisher) {}

  /**
   * At FUNDED, in the caller's transaction: one holding per investor and share class, summed
   * from the campaign's CHARGED pledges, and `shares.issued` with them. Shares are issued once:
   * the campaign row is locked so two concurrent calls cannot both issue, and a call that finds
   * holdings already written (or a campaign that is not EQUITY, or no charged pledge) is a no-op
   * answering false.
   */
  async issueShares(manager: EntityManager, projectId: string, at: Date): Promise<boolean> {
    const [campaign] = (await manager.query(
      `SELECT kind, trim(currency) AS currency, share_class, price_per_share::text AS price_per_share
         FROM campaigns WHERE project_id = $1 FOR UPDATE`,
      [projectId],
    )) as EquityCampaignRow[];
    if (campaign?.kind !== 'EQUITY' || campaign.share_class === null || campaign.price_per_share === null) return false;
    const issued = (await manager.query(`SELECT 1 FROM holdings WHERE project_id = $1 LIMIT 1`, [
      projectId,
    ])) as unknown[];
    if (issued.length > 0) return false;

    const holdings = await this.chargedHoldingsOf(manager, projectId);
    if (holdings.length === 0) return false;
    await manager.query(
      `INSERT INTO holdings (id, project_id, investor_id, share_class, currency, shares, amount_invested, issued_at)
       SELECT id, $1, investor_id, $2, $3, shares, amount, $4
         FROM unnest($5::uuid[], $6::uuid[], $7::bigint[], $8::bigint[]) AS h (id, investor_id, shares, amount)
       ON CONFLICT (project_id, investor_id, share_class) DO NOTHING`,
      [
        projectId,
        campaign.share_class,
        campaign.currency,
        at.toISOString(),
        holdings.map(() => newId()),
        holdings.map((holding) => holding.investorId),
        holdings.map((holding) => holding.shares),
        holdings.map((holding) => holding.amount),
      ],
    );
    await this.outbox.publish(manager, 'shares.issued', {
      aggregateId: projectId,
      aggregateVersion: SHARES_ISSUED_VERSION,
      payload: {
        projectId,
        shareClass: campaign.share_class,
        currency: campaign.currency,
        pricePerShare: Number(campaign.price_per_share),
        holdings,
      },
    });
    return true;
  }

  private async chargedHoldingsOf(manager: EntityManager, projectId: string): Promise<ShareHoldingV1[]> {
    const rows = (await manager.query(
      `SELECT investor_id, sum(shares)::text AS shares, sum(amount)::text AS amount
         FROM pledges WHERE project_id = $1 AND status = 'CHARGED' AND shares IS NOT NULL
        GROUP BY investor_id ORDER BY investor_id`,
      [projectId],
    )) as HoldingRow[];
    return rows.map((row) => ({ investorId: row.investor_id, shares: Number(row.shares), amount: Number(row.amount) }));
  }
}
