import { PledgeFiguresV1 } from '@crowdlink/contracts';

/** A pledge as the settlement reads it. */
export interface SettlingPledgeRow {
  id: string;
  project_id: string;
  investor_id: string;
  status: string;
  jurisdiction: PledgeFiguresV1['jurisdiction'];
  currency: string;
  amount: string;
  version: number;
  charge_attempt: number;
  decided_attempt: number | null;
  customer_ref: string | null;
  payment_method_ref: string | null;
  charge_ref: string | null;
  fix_by: Date | null;
}

export const SETTLING_PLEDGE_COLUMNS = `id, project_id, investor_id, status, jurisdiction, trim(currency) AS currency,
  amount::text AS amount, version, charge_attempt, decided_attempt, customer_ref, payment_method_ref, charge_ref, fix_by`;

/** The statuses of a pledge whose money is still being collected. */
export const COLLECTING_STATUSES = ['COMMITTED', 'PAYMENT_ACTION_REQUIRED'];
