import { Jurisdiction } from '@crowdlink/compliance';
import { PledgeFiguresV1 } from '@crowdlink/contracts';
import { PledgeDto } from './dto/pledge.dto';

/** The rows the pledge service reads, as PostgreSQL returns them, and how a pledge is shown. */

export interface CampaignRow {
  project_id: string;
  owner_id: string | null;
  status: string;
  kind: 'EQUITY' | 'REWARD' | 'DONATION';
  jurisdiction: Jurisdiction;
  currency: string;
  max_amount: string;
  min_pledge: string;
  opens_at: Date;
  closes_at: Date;
  price_per_share: string | null;
  /** The campaign's rewards (REWARD campaigns), as the project snapshot lists them. */
  rewards: { rewardId: string; amount: number; quantity?: number | null }[];
}

export interface EligibilityRow {
  kyc_status: string;
  accredited: boolean;
  currency: string | null;
  annual_income: string | null;
  net_worth: string | null;
  financial_assets: string | null;
  average_annual_income_three_years: string | null;
  knowledge_test_passed_until: Date | null;
  sophisticated: boolean;
}

export interface PledgeRow {
  id: string;
  project_id: string;
  investor_id: string;
  status: string;
  amount: string;
  currency: string;
  shares: string | null;
  reward_id: string | null;
  payment_method: string;
  cancellable_until: Date | null;
  committed_at: Date;
  reconfirm_by: Date | null;
  /** Set by the settlement (a soft or hard decline). */
  fix_by?: Date | null;
  decline_code?: string | null;
}

export const PLEDGE_COLUMNS = `id, project_id, investor_id, status, amount::text AS amount, currency, shares::text AS shares,
  reward_id, payment_method, cancellable_until, committed_at, reconfirm_by, fix_by, decline_code`;

export function toDto(row: PledgeRow): PledgeDto {
  return {
    id: row.id,
    projectId: row.project_id,
    investorId: row.investor_id,
    status: row.status,
    amount: Number(row.amount),
    currency: row.currency.trim(),
    ...(row.shares !== null ? { shares: Number(row.shares) } : {}),
    ...(row.reward_id !== null ? { rewardId: row.reward_id } : {}),
    paymentMethod: row.payment_method,
    cancellableUntil: row.cancellable_until?.toISOString() ?? null,
    committedAt: row.committed_at.toISOString(),
    // only a COMMITTED pledge can still be reconfirmed (or lapse); a cancelled one keeps the column as history
    reconfirmBy: row.status === 'COMMITTED' ? (row.reconfirm_by?.toISOString() ?? null) : null,
    ...(row.status === 'PAYMENT_ACTION_REQUIRED' && row.fix_by ? { fixBy: row.fix_by.toISOString() } : {}),
    ...(['PAYMENT_ACTION_REQUIRED', 'PAYMENT_FAILED'].includes(row.status) && row.decline_code
      ? { declineCode: row.decline_code }
      : {}),
  };
}

/** The figures every pledge event carries, from a pledge row. */
export function figuresOf(pledge: {
  id: string;
  project_id: string;
  investor_id: string;
  jurisdiction: PledgeFiguresV1['jurisdiction'];
  currency: string;
  amount: string;
}): PledgeFiguresV1 {
  return {
    pledgeId: pledge.id,
    projectId: pledge.project_id,
    investorId: pledge.investor_id,
    jurisdiction: pledge.jurisdiction,
    currency: pledge.currency,
    amount: Number(pledge.amount),
  };
}
