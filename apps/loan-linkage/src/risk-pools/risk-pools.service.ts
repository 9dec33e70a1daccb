import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { accounts } from '../ledger/accounts';
import { LoanLedger } from '../ledger/loan-ledger';
import { CreateRiskPoolDto, LossSharingPartyDto, RiskPoolDto } from './dto/create-risk-pool.dto';
import { lossSharingParties } from './loss-sharing';
import { RiskPoolNotFoundException } from './risk-pool.exceptions';

/** A pool backs enrolled principal up to 10× its balance unless configured otherwise (domain-rules.md §3). */
const DEFAULT_LEVERAGE_MULTIPLE = 10;

interface PoolRow {
  id: string;
  name: string;
  sponsor: string;
  currency: string;
  balance: string;
  coverage_bps: number;
  per_loan_cap: string;
  per_borrower_cap: string | null;
  per_year_cap: string | null;
  leverage_multiple: number;
  enrolled_principal: string;
}

/** Risk-compensation pools (风险补偿资金池), set up by admins; the sponsor's money is a ledger entry. */
@Injectable()
export class RiskPoolsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LoanLedger,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(admin: AuthenticatedUser, body: CreateRiskPoolDto): Promise<RiskPoolDto> {
    const parties = lossSharingParties(body.coverageBps, body.sponsor, body.parties);
    const now = this.clock.now();
    const id = newId();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO risk_pools (id, name, sponsor, currency, balance, coverage_bps, per_loan_cap, per_borrower_cap,
                                 per_year_cap, leverage_multiple, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          body.name,
          body.sponsor,
          body.currency,
          body.balance,
          body.coverageBps,
          body.perLoanCap,
          body.perBorrowerCap ?? null,
          body.perYearCap ?? null,
          body.leverageMultiple ?? DEFAULT_LEVERAGE_MULTIPLE,
          admin.id,
        ],
      );
      await manager.query(
        `INSERT INTO risk_pool_parties (risk_pool_id, party, role, share_bps)
         SELECT $1, p.party, p.role, p.share_bps FROM unnest($2::text[], $3::text[], $4::int[]) AS p (party, role, share_bps)`,
        [id, parties.map((p) => p.party), parties.map((p) => p.role), parties.map((p) => p.shareBps)],
      );
      await this.ledger.post(manager, {
        kind: 'POOL_FUNDING',
        referenceId: id,
        currency: body.currency,
        occurredAt: now,
        lines: [
          { account: accounts.poolFund(id), debit: BigInt(body.balance) },
          { account: accounts.poolSponsorCapital(id), credit: BigInt(body.balance) },
        ],
      });
      await this.audit.record(manager, admin, 'risk-pool.created', { type: 'risk-pool', id }, { ...body }, now);
    });
    return this.get(id);
  }

  async get(id: string): Promise<RiskPoolDto> {
    const [pool] = (await this.dataSource.query(
      `SELECT id, name, sponsor, trim(currency) AS currency, balance::text AS balance, coverage_bps,
              per_loan_cap::text AS per_loan_cap, per_borrower_cap::text AS per_borrower_cap,
              per_year_cap::text AS per_year_cap, leverage_multiple, enrolled_principal::text AS enrolled_principal
         FROM risk_pools WHERE id = $1`,
      [id],
    )) as PoolRow[];
    if (!pool) throw new RiskPoolNotFoundException(id);
    const parties = (await this.dataSource.query(
      `SELECT party, role, share_bps AS "shareBps" FROM risk_pool_parties WHERE risk_pool_id = $1
        ORDER BY share_bps DESC, party`,
      [id],
    )) as LossSharingPartyDto[];
    return {
      id: pool.id,
      name: pool.name,
      sponsor: pool.sponsor,
      currency: pool.currency,
      balance: Number(pool.balance),
      coverageBps: pool.coverage_bps,
      perLoanCap: Number(pool.per_loan_cap),
      perBorrowerCap: pool.per_borrower_cap === null ? null : Number(pool.per_borrower_cap),
      perYearCap: pool.per_year_cap === null ? null : Number(pool.per_year_cap),
      leverageMultiple: pool.leverage_multiple,
      enrolledPrincipal: Number(pool.enrolled_principal),
      parties,
    };
  }
}
