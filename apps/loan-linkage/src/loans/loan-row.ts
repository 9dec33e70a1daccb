import { AuthenticatedUser } from '@crowdlink/auth';
import { LOAN_EVENT_STATUSES, LoanSnapshotV1 } from '@crowdlink/contracts';

export type LoanStatus = (typeof LOAN_EVENT_STATUSES)[number];

/** A loan as read from the database: bigints as text, so no amount passes through a float. */
export interface LoanRow {
  id: string;
  project_id: string;
  project_title: string;
  company_id: string;
  founder_id: string;
  bank_user_id: string;
  bank_organization_id: string;
  status: LoanStatus;
  version: number;
  principal: string;
  currency: string;
  annual_rate_bps: number;
  term_months: number;
  min_equity_raised: string;
  warrant_equity_bps: number | null;
  warrant_holder: string | null;
  risk_pool_id: string | null;
  registration_number: string | null;
  registered_at: Date | null;
  disbursed_at: Date | null;
  created_at: Date;
}

/** The select list of a LoanRow from `loans l JOIN equity_rounds r USING (project_id)`. */
export const LOAN_COLUMNS = `l.id, l.project_id, r.title AS project_title, l.company_id, l.founder_id, l.bank_user_id,
  l.bank_organization_id, l.status, l.version, l.principal::text AS principal, trim(l.currency) AS currency,
  l.annual_rate_bps, l.term_months, l.min_equity_raised::text AS min_equity_raised, l.warrant_equity_bps,
  l.warrant_holder, l.risk_pool_id, l.registration_number, l.registered_at, l.disbursed_at, l.created_at`;

/** What the loan.* events tell the loan's parties. */
export function loanSnapshotOf(loan: LoanRow, occurredAt: Date): LoanSnapshotV1 {
  return {
    loanId: loan.id,
    projectId: loan.project_id,
    projectTitle: loan.project_title,
    founderId: loan.founder_id,
    bankUserId: loan.bank_user_id,
    bankOrganizationId: loan.bank_organization_id,
    status: loan.status,
    principal: Number(loan.principal),
    currency: loan.currency,
    occurredAt: occurredAt.toISOString(),
  };
}

/** The founder whose project the loan is linked to. */
export function isLoanFounder(user: AuthenticatedUser, loan: LoanRow): boolean {
  return user.role === 'founder' && loan.founder_id === user.id;
}

/** Any user of the lending bank's organisation, not only the one who made the offer. */
export function isLoanBank(user: AuthenticatedUser, loan: LoanRow): boolean {
  return user.role === 'bank' && user.organizationId === loan.bank_organization_id;
}

/** Who may see the loan: its founder, its bank's organisation, an admin. */
export function isLoanParty(user: AuthenticatedUser, loan: LoanRow): boolean {
  return user.role === 'admin' || isLoanFounder(user, loan) || isLoanBank(user, loan);
}
