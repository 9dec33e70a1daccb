import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { collateralByIds, CollateralRow, valuedAsset } from '../collateral/current-collateral';
import { LtvPolicy, ltvPolicyOf, maxLoanOf, maxLoanOver } from '../collateral/loan-to-value';
import { enrolInPool } from '../risk-pools/pool-enrolment';
import { CreateLoanOfferDto } from './dto/create-loan-offer.dto';
import { LoanOfferCreatedDto } from './dto/loan.dto';
import { LOAN_COLUMNS, LoanRow } from './loan-row';
import { LoanTransitions } from './loan-transitions';
import {
  BankOrganizationRequiredException,
  CollateralEncumberedException,
  CurrencyMismatchException,
  IpAssetNotInProjectException,
  IpAssetNotValuedException,
  LoanTermTooLongException,
  LoanToValueExceededException,
  NotAnEquityRoundException,
  RoundNotFoundException,
  RoundNotOpenException,
} from './loan.exceptions';
import { ventureDebtRatio } from './venture-debt';

interface RoundRow {
  project_id: string;
  company_id: string;
  owner_id: string;
  kind: string;
  status: string;
  currency: string;
  target_amount: string;
  outcome: string | null;
}

const OPEN_ROUND_STATUSES = ['APPROVED', 'LIVE'];

/**
 * Banks offer loans against a project's valued IP, linked to its equity round. "One active
 * loan per IP asset" is decided by the unique partial index when the collateral rows are
 * inserted: of concurrent offers on one asset exactly one commits, the others get 409.
 */
@Injectable()
export class LoanOffersService {
  private readonly ltv: LtvPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: LoanTransitions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.ltv = ltvPolicyOf(config);
  }

  async offer(bank: AuthenticatedUser, body: CreateLoanOfferDto): Promise<LoanOfferCreatedDto> {
    const organizationId = bank.organizationId;
    if (!organizationId) throw new BankOrganizationRequiredException();
    if (body.termMonths > this.config.LOAN_MAX_TERM_MONTHS) {
      throw new LoanTermTooLongException(this.config.LOAN_MAX_TERM_MONTHS);
    }
    const principal = BigInt(body.principal);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, body.projectId, body.currency);
      const collateral = await collateralByIds(manager, body.ipAssetIds, now);
      const priced = this.price(collateral, body);
      const maxLoan = maxLoanOver(collateral.map(valuedAsset), this.ltv);
      if (principal > maxLoan) throw new LoanToValueExceededException(maxLoan);
      if (collateral.some((asset) => asset.encumbered)) throw new CollateralEncumberedException();
      if (body.riskPoolId) {
        const pool = await enrolInPool(manager, body.riskPoolId, principal);
        if (pool.currency !== body.currency) throw new CurrencyMismatchException(pool.currency, body.currency);
      }

      const loan = await this.insertLoan(manager, bank, organizationId, round, body);
      await this.pledgeCollateral(manager, loan.id, priced);
      await this.transitions.recordOffer(manager, loan, { actorId: bank.id, reason: 'offered by the bank' });
      await this.audit.record(
        manager,
        bank,
        'loan.offered',
        { type: 'loan', id: loan.id },
        { projectId: body.projectId, ipAssetIds: body.ipAssetIds, principal: body.principal, currency: body.currency },
        now,
      );
      return {
        id: loan.id,
        status: loan.status,
        principal: body.principal,
        currency: body.currency,
        maxLoan: Number(maxLoan),
        ventureDebt: ventureDebtRatio(principal, BigInt(round.target_amount)),
      };
    });
  }

  private async openRound(manager: EntityManager, projectId: string, currency: string): Promise<RoundRow> {
    const [round] = (await manager.query(
      `SELECT r.project_id, r.company_id, r.owner_id, r.kind, r.status, trim(r.currency) AS currency,
              r.target_amount::text AS target_amount, p.outcome
         FROM equity_rounds r LEFT JOIN round_progress p USING (project_id)
        WHERE r.project_id = $1`,
      [projectId],
    )) as RoundRow[];
    if (!round) throw new RoundNotFoundException(projectId);
    if (round.kind !== 'EQUITY') throw new NotAnEquityRoundException(projectId);
    if (!OPEN_ROUND_STATUSES.includes(round.status) || round.outcome !== null) {
      throw new RoundNotOpenException(projectId, round.outcome ?? round.status);
    }
    if (round.currency !== currency) throw new CurrencyMismatchException(round.currency, currency);
    return round;
  }

  /** Each asset's cap under the LTV policy; refuses assets of another project or without a current valuation. */
  private price(collateral: CollateralRow[], body: CreateLoanOfferDto): PricedCollateral[] {
    const found = new Set(collateral.filter((asset) => asset.project_id === body.projectId).map((asset) => asset.id));
    const foreign = body.ipAssetIds.filter((id) => !found.has(id));
    if (foreign.length > 0) throw new IpAssetNotInProjectException(foreign);
    const unvalued = collateral.filter((asset) => asset.value === null || asset.currency !== body.currency);
    if (unvalued.length > 0) throw new IpAssetNotValuedException(unvalued.map((asset) => asset.id));
    return collateral.map((asset) => {
      const ltvBps = this.ltv[asset.type];
      return {
        ipAssetId: asset.id,
        valuationId: asset.valuation_id!,
        ltvBps,
        maxLoan: maxLoanOf(BigInt(asset.value!), ltvBps),
      };
    });
  }

  private async insertLoan(
    manager: EntityManager,
    bank: AuthenticatedUser,
    organizationId: string,
    round: RoundRow,
    body: CreateLoanOfferDto,
  ): Promise<LoanRow> {
    const id = newId();
    await manager.query(
      `INSERT INTO loans (id, project_id, company_id, founder_id, bank_user_id, bank_organization_id, status, principal,
                          currency, annual_rate_bps, term_months, min_equity_raised, warrant_equity_bps,
                          warrant_holder, risk_pool_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'OFFERED', $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        round.project_id,
        round.company_id,
        round.owner_id,
        bank.id,
        organizationId,
        body.principal,
        body.currency,
        body.annualRateBps,
        body.termMonths,
        body.minEquityRaised,
        body.warrant ? Math.round(body.warrant.equityPercent * 100) : null,
        body.warrant ? (body.warrant.holder ?? `Bank organisation ${organizationId}`) : null,
        body.riskPoolId ?? null,
      ],
    );
    const [loan] = (await manager.query(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN equity_rounds r USING (project_id) WHERE l.id = $1`,
      [id],
    )) as LoanRow[];
    return loan;
  }

  private async pledgeCollateral(manager: EntityManager, loanId: string, priced: PricedCollateral[]): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO loan_collateral (loan_id, ip_asset_id, valuation_id, ltv_bps, max_loan)
         SELECT $1, asset.ip_asset_id, asset.valuation_id, asset.ltv_bps, asset.max_loan
           FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::bigint[])
                AS asset (ip_asset_id, valuation_id, ltv_bps, max_loan)`,
        [
          loanId,
          priced.map((asset) => asset.ipAssetId),
          priced.map((asset) => asset.valuationId),
          priced.map((asset) => asset.ltvBps),
          priced.map((asset) => asset.maxLoan.toString()),
        ],
      );
    } catch (error) {
      // a concurrent offer on the same asset committed first
      if (isUniqueViolation(error, 'loan_collateral_one_active_loan')) throw new CollateralEncumberedException();
      throw error;
    }
  }
}

interface PricedCollateral {
  ipAssetId: string;
  valuationId: string;
  ltvBps: number;
  maxLoan: bigint;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
