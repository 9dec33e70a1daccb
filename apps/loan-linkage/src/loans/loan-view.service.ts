import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK } from '@crowdlink/domain';
import { idCursor, pageOf } from '@crowdlink/platform';
import { DataSource } from 'typeorm';
import { InstalmentDto, LoanCollateralDto, LoanDto, LoanSummaryPageDto, LoanTransitionDto } from './dto/loan.dto';
import { isLoanParty, LOAN_COLUMNS, LoanRow } from './loan-row';
import { LoanNotFoundException } from './loan.exceptions';
import { ventureDebtRatio } from './venture-debt';

interface InstalmentRow {
  seq: number;
  due_at: Date;
  principal: string;
  interest: string;
  paid: string;
}

interface CollateralViewRow {
  ip_asset_id: string;
  type: string;
  registry_number: string;
  title: string;
  valuation_id: string;
  ltv_bps: number;
  max_loan: string;
  released_at: Date | null;
}

interface TransitionRow {
  from_status: string | null;
  to_status: string;
  reason: string;
  occurred_at: Date;
}

/** A loan as its parties see it: the bank's organisation, the founder, an admin. Nobody else learns it exists. */
@Injectable()
export class LoanViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<LoanDto> {
    const [loan] = (await this.dataSource.query(
      `SELECT ${LOAN_COLUMNS}, r.target_amount::text AS target_amount
         FROM loans l JOIN equity_rounds r USING (project_id) WHERE l.id = $1`,
      [id],
    )) as (LoanRow & { target_amount: string })[];
    if (!loan || !isLoanParty(user, loan)) throw new LoanNotFoundException(id);
    const [instalments, collateral, history] = await Promise.all([
      this.dataSource.query(
        `SELECT seq, due_at, principal::text AS principal, interest::text AS interest, paid::text AS paid
           FROM instalments WHERE loan_id = $1 ORDER BY seq`,
        [id],
      ) as Promise<InstalmentRow[]>,
      this.dataSource.query(
        `SELECT c.ip_asset_id, a.type, a.registry_number, a.title, c.valuation_id, c.ltv_bps,
                c.max_loan::text AS max_loan, c.released_at
           FROM loan_collateral c JOIN ip_assets a ON a.id = c.ip_asset_id WHERE c.loan_id = $1 ORDER BY a.id`,
        [id],
      ) as Promise<CollateralViewRow[]>,
      this.dataSource.query(
        `SELECT from_status, to_status, reason, occurred_at FROM loan_transitions WHERE loan_id = $1 ORDER BY version`,
        [id],
      ) as Promise<TransitionRow[]>,
    ]);
    const now = this.clock.now();
    const schedule = instalments.map((row) => toInstalment(row, now));
    const principalRepaid = schedule.reduce((sum, i) => sum + Math.max(0, i.paid - i.interest), 0);
    return {
      id: loan.id,
      projectId: loan.project_id,
      status: loan.status,
      principal: Number(loan.principal),
      currency: loan.currency,
      annualRateBps: loan.annual_rate_bps,
      termMonths: loan.term_months,
      minEquityRaised: Number(loan.min_equity_raised),
      warrant:
        loan.warrant_equity_bps === null ? null : { equityBps: loan.warrant_equity_bps, holder: loan.warrant_holder! },
      riskPoolId: loan.risk_pool_id,
      registration:
        loan.registration_number === null
          ? null
          : { registrationNumber: loan.registration_number, registeredAt: loan.registered_at!.toISOString() },
      disbursedAt: loan.disbursed_at?.toISOString() ?? null,
      outstandingPrincipal: loan.disbursed_at ? Number(loan.principal) - principalRepaid : 0,
      ventureDebt: ventureDebtRatio(BigInt(loan.principal), BigInt(loan.target_amount)),
      schedule,
      collateral: collateral.map(toCollateral),
      history: history.map(toTransition),
    };
  }

  /** The offers and loans of the caller's organisation, newest first. */
  async listForOrganization(organizationId: string, limit: number, cursor?: string): Promise<LoanSummaryPageDto> {
    const rows = (await this.dataSource.query(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN equity_rounds r USING (project_id)
        WHERE l.bank_organization_id = $1 AND ($2::uuid IS NULL OR l.id < $2::uuid)
        ORDER BY l.id DESC LIMIT $3`,
      [organizationId, idCursor(cursor), limit + 1],
    )) as LoanRow[];
    const page = pageOf(rows, limit, (last) => last.id);
    return {
      ...page,
      items: page.items.map((loan) => ({
        id: loan.id,
        projectId: loan.project_id,
        status: loan.status,
        principal: Number(loan.principal),
        currency: loan.currency,
      })),
    };
  }
}

function toInstalment(row: InstalmentRow, now: Date): InstalmentDto {
  const principal = Number(row.principal);
  const interest = Number(row.interest);
  const paid = Number(row.paid);
  const amount = principal + interest;
  const status = paid >= amount ? 'PAID' : row.due_at < now ? 'OVERDUE' : 'DUE';
  return { seq: row.seq, dueAt: row.due_at.toISOString(), principal, interest, amount, paid, status };
}

function toCollateral(row: CollateralViewRow): LoanCollateralDto {
  return {
    ipAssetId: row.ip_asset_id,
    type: row.type,
    registryNumber: row.registry_number,
    title: row.title,
    valuationId: row.valuation_id,
    ltvBps: row.ltv_bps,
    maxLoan: Number(row.max_loan),
    released: row.released_at !== null,
  };
}

function toTransition(row: TransitionRow): LoanTransitionDto {
  return { from: row.from_status, to: row.to_status, reason: row.reason, at: row.occurred_at.toISOString() };
}
