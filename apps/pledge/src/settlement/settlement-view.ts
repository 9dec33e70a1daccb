import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { DataSource } from 'typeorm';
import { assertOwnerOrAdmin } from '../campaigns/campaign-owner';
import { PledgeTallyDto, SettlementDto } from './dto/settlement.dto';

interface SettlementRow {
  status: string;
  currency: string;
  target_amount: string;
  funding_model: string;
  owner_id: string | null;
  closed_at: Date | null;
  platform_fee: string | null;
  payout_amount: string | null;
  payout_status: string | null;
}

type Bucket = 'CHARGED' | 'COMMITTED' | 'PAYMENT_ACTION_REQUIRED' | 'PAYMENT_FAILED' | 'REFUNDED' | 'RELEASED';

/** Where a campaign's money stands, for its owner and admins (the demo's settlement screen). */
@Injectable()
export class SettlementView {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(user: AuthenticatedUser, projectId: string): Promise<SettlementDto> {
    const [row] = (await this.dataSource.query(
      `SELECT c.status, trim(c.currency) AS currency, c.target_amount::text AS target_amount, c.funding_model,
              c.snapshot->>'ownerId' AS owner_id, s.closed_at, s.platform_fee::text AS platform_fee,
              s.payout_amount::text AS payout_amount, s.payout_status
         FROM campaigns c LEFT JOIN settlements s USING (project_id) WHERE c.project_id = $1`,
      [projectId],
    )) as SettlementRow[];
    assertOwnerOrAdmin(user, projectId, row);
    const tally = await this.tallyOf(projectId);
    return {
      projectId,
      status: row.status,
      currency: row.currency,
      targetAmount: Number(row.target_amount),
      fundingModel: row.funding_model,
      closedAt: row.closed_at?.toISOString() ?? null,
      charged: tally('CHARGED'),
      pending: tally('COMMITTED'),
      actionRequired: tally('PAYMENT_ACTION_REQUIRED'),
      failed: tally('PAYMENT_FAILED'),
      refunded: tally('REFUNDED'),
      released: tally('RELEASED'),
      platformFee: Number(row.platform_fee ?? 0),
      payout: Number(row.payout_amount ?? 0),
      payoutStatus: row.payout_status ?? 'NONE',
    };
  }

  private async tallyOf(projectId: string): Promise<(bucket: Bucket) => PledgeTallyDto> {
    const rows = (await this.dataSource.query(
      `SELECT CASE WHEN status = 'RELEASED' AND refund_ref IS NOT NULL THEN 'REFUNDED' ELSE status END AS bucket,
              count(*)::int AS count, sum(amount)::text AS amount
         FROM pledges WHERE project_id = $1 GROUP BY 1`,
      [projectId],
    )) as { bucket: string; count: number; amount: string }[];
    return (bucket) => {
      const row = rows.find((candidate) => candidate.bucket === bucket);
      return { count: row?.count ?? 0, amount: Number(row?.amount ?? 0) };
    };
  }
}
