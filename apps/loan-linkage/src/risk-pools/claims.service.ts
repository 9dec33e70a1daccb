import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { accounts } from '../ledger/accounts';
import { LoanLedger } from '../ledger/loan-ledger';
import { isLoanBank, LoanRow, loanSnapshotOf } from '../loans/loan-row';
import { LoanTransitions } from '../loans/loan-transitions';
import { LoanNotFoundException } from '../loans/loan.exceptions';
import { compensationFor } from './compensation';
import { ClaimDto } from './dto/create-risk-pool.dto';
import {
  ClaimAlreadyPaidException,
  LoanNotDefaultedException,
  LoanNotEnrolledException,
  NoCompensationAvailableException,
} from './risk-pool.exceptions';

interface PoolLimitsRow {
  coverage_bps: number;
  balance: string;
  per_loan_cap: string;
  per_borrower_cap: string | null;
  per_year_cap: string | null;
  paid_to_borrower: string;
  paid_this_year: string;
}

/**
 * A bank's claim on a DEFAULTED enrolled loan. Paid once: the loan row is locked and moves to
 * COMPENSATED in the same transaction, claims has a unique index on loan_id, and the pool row
 * is locked while its caps are read and its balance is taken, so concurrent claims on one pool
 * never overdraw it or pass its caps.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: LoanTransitions,
    private readonly ledger: LoanLedger,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async claim(bank: AuthenticatedUser, loanId: string): Promise<ClaimDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const loan = await this.transitions.lock(manager, loanId);
      if (!isLoanBank(bank, loan)) throw new LoanNotFoundException(loanId);
      if (loan.status === 'COMPENSATED') throw new ClaimAlreadyPaidException(loanId);
      if (loan.status !== 'DEFAULTED') throw new LoanNotDefaultedException(loanId, loan.status);
      const poolId = loan.risk_pool_id;
      if (!poolId) throw new LoanNotEnrolledException(loanId);

      const unrecovered = await this.unrecoveredPrincipal(manager, loan);
      const limits = await this.lockPoolLimits(manager, poolId, loan.company_id, now);
      const compensation = compensationFor(unrecovered, {
        coverageBps: limits.coverage_bps,
        balance: BigInt(limits.balance),
        perLoanCap: BigInt(limits.per_loan_cap),
        perBorrowerCap: limits.per_borrower_cap === null ? null : BigInt(limits.per_borrower_cap),
        perYearCap: limits.per_year_cap === null ? null : BigInt(limits.per_year_cap),
        paidToBorrower: BigInt(limits.paid_to_borrower),
        paidThisYear: BigInt(limits.paid_this_year),
      });
      if (compensation === 0n) throw new NoCompensationAvailableException();

      await manager.query(
        `UPDATE risk_pools SET balance = balance - $2, updated_at = now() WHERE id = $1 AND balance >= $2`,
        [poolId, compensation.toString()],
      );
      const claimId = newId();
      await manager.query(
        `INSERT INTO claims (id, loan_id, risk_pool_id, company_id, claimed_by, unrecovered_principal, compensation,
                             claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          claimId,
          loanId,
          poolId,
          loan.company_id,
          bank.id,
          unrecovered.toString(),
          compensation.toString(),
          now.toISOString(),
        ],
      );
      await this.ledger.post(manager, {
        kind: 'COMPENSATION',
        referenceId: claimId,
        currency: loan.currency,
        occurredAt: now,
        lines: [
          { account: accounts.bankCash(loan.bank_organization_id), debit: compensation },
          { account: accounts.poolFund(poolId), credit: compensation },
        ],
      });
      const compensated = await this.transitions.move(manager, loan, 'COMPENSATED', {
        actorId: bank.id,
        reason: `risk pool paid ${compensation} of ${unrecovered} unrecovered principal`,
      });
      await this.outbox.publish(manager, 'compensation.paid', {
        aggregateId: loanId,
        aggregateVersion: compensated.version,
        payload: {
          ...loanSnapshotOf(compensated, now),
          claimId,
          riskPoolId: poolId,
          compensation: Number(compensation),
        },
      });
      await this.audit.record(
        manager,
        bank,
        'claim.paid',
        { type: 'loan', id: loanId },
        { claimId, riskPoolId: poolId, compensation: Number(compensation), unrecoveredPrincipal: Number(unrecovered) },
        now,
      );
      return {
        id: claimId,
        loanId,
        riskPoolId: poolId,
        unrecoveredPrincipal: Number(unrecovered),
        compensation: Number(compensation),
        currency: loan.currency,
        loanStatus: compensated.status,
      };
    });
  }

  /** Principal minus what repayments paid of it (each instalment settles its interest first). */
  private async unrecoveredPrincipal(manager: EntityManager, loan: LoanRow): Promise<bigint> {
    const [row] = (await manager.query(
      `SELECT coalesce(sum(greatest(paid - interest, 0)), 0)::text AS repaid FROM instalments WHERE loan_id = $1`,
      [loan.id],
    )) as { repaid: string }[];
    return BigInt(loan.principal) - BigInt(row.repaid);
  }

  private async lockPoolLimits(
    manager: EntityManager,
    poolId: string,
    companyId: string,
    now: Date,
  ): Promise<PoolLimitsRow> {
    const [limits] = (await manager.query(
      `SELECT p.coverage_bps, p.balance::text AS balance, p.per_loan_cap::text AS per_loan_cap,
              p.per_borrower_cap::text AS per_borrower_cap, p.per_year_cap::text AS per_year_cap,
              (SELECT coalesce(sum(compensation), 0) FROM claims c
                WHERE c.risk_pool_id = p.id AND c.company_id = $2)::text AS paid_to_borrower,
              (SELECT coalesce(sum(compensation), 0) FROM claims c
                WHERE c.risk_pool_id = p.id AND date_trunc('year', c.claimed_at AT TIME ZONE 'UTC')
                                              = date_trunc('year', $3::timestamptz AT TIME ZONE 'UTC'))::text
                AS paid_this_year
         FROM risk_pools p WHERE p.id = $1 FOR UPDATE OF p`,
      [poolId, companyId, now.toISOString()],
    )) as PoolLimitsRow[];
    return limits;
  }
}
