import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { accounts } from '../ledger/accounts';
import { LoanLedger } from '../ledger/loan-ledger';
import { isLoanBank, isLoanFounder } from '../loans/loan-row';
import { LoanTransitions } from '../loans/loan-transitions';
import { LoanNotFoundException } from '../loans/loan.exceptions';
import { CreateRepaymentDto, RepaymentDto } from './dto/repayment.dto';
import { allocateRepayment, InstalmentBalance } from './repayment-allocation';
import { LoanNotRepayableException, RepaymentExceedsOutstandingException } from './servicing.exceptions';

/**
 * Repayments, applied to the oldest due instalment first. The loan row is locked for the
 * whole repayment, so concurrent repayments never pay one instalment twice; the last one
 * makes the loan REPAID and frees its collateral.
 */
@Injectable()
export class RepaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: LoanTransitions,
    private readonly ledger: LoanLedger,
    private readonly audit: AuditLog,
    private readonly idempotencyKeys: IdempotencyKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async repay(
    payer: AuthenticatedUser,
    loanId: string,
    body: CreateRepaymentDto,
    idempotencyKey?: string,
  ): Promise<RepaymentDto> {
    return this.dataSource.transaction((manager) =>
      this.idempotencyKeys.run(manager, payer.id, idempotencyKey, { loanId, ...body }, () =>
        this.repayIn(manager, payer, loanId, body),
      ),
    );
  }

  private async repayIn(
    manager: EntityManager,
    payer: AuthenticatedUser,
    loanId: string,
    body: CreateRepaymentDto,
  ): Promise<RepaymentDto> {
    const now = this.clock.now();
    const loan = await this.transitions.lock(manager, loanId);
    if (!isLoanFounder(payer, loan) && !isLoanBank(payer, loan)) throw new LoanNotFoundException(loanId);
    if (loan.status !== 'DISBURSED') throw new LoanNotRepayableException(loanId, loan.status);

    const instalments = await this.instalmentsOf(manager, loanId);
    const owed = instalments.reduce((sum, i) => sum + i.principal + i.interest - i.paid, 0n);
    const amount = BigInt(body.amount);
    if (amount > owed) throw new RepaymentExceedsOutstandingException(owed);
    const allocations = allocateRepayment(amount, instalments);
    await manager.query(
      `UPDATE instalments i SET paid = i.paid + a.amount, updated_at = now(),
                                paid_at = CASE WHEN i.paid + a.amount = i.principal + i.interest THEN $2::timestamptz END
         FROM unnest($3::int[], $4::bigint[]) AS a (seq, amount)
        WHERE i.loan_id = $1 AND i.seq = a.seq`,
      [loanId, now.toISOString(), allocations.map((a) => a.seq), allocations.map((a) => a.amount.toString())],
    );
    const principalPart = allocations.reduce((sum, a) => sum + a.principalPart, 0n);
    const interestPart = amount - principalPart;
    const id = newId();
    await manager.query(
      `INSERT INTO repayments (id, loan_id, amount, principal_part, interest_part, paid_by, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, loanId, body.amount, principalPart.toString(), interestPart.toString(), payer.id, now.toISOString()],
    );
    await this.ledger.post(manager, {
      kind: 'REPAYMENT',
      referenceId: id,
      currency: loan.currency,
      occurredAt: now,
      lines: [
        { account: accounts.bankCash(loan.bank_organization_id), debit: amount },
        { account: accounts.loanReceivable(loanId), credit: principalPart },
        { account: accounts.interestIncome(loanId), credit: interestPart },
      ],
    });
    if (payer.role === 'bank') {
      await this.audit.record(
        manager,
        payer,
        'repayment.recorded',
        { type: 'loan', id: loanId },
        { amount: body.amount },
        now,
      );
    }
    const after =
      amount === owed
        ? await this.transitions.move(manager, loan, 'REPAID', { actorId: payer.id, reason: 'repaid in full' })
        : loan;
    return {
      id,
      loanId,
      amount: body.amount,
      principalPart: Number(principalPart),
      interestPart: Number(interestPart),
      loanStatus: after.status,
      outstanding: Number(owed - amount),
    };
  }

  private async instalmentsOf(manager: EntityManager, loanId: string): Promise<InstalmentBalance[]> {
    const rows = (await manager.query(
      `SELECT seq, principal::text AS principal, interest::text AS interest, paid::text AS paid
         FROM instalments WHERE loan_id = $1 ORDER BY seq`,
      [loanId],
    )) as { seq: number; principal: string; interest: string; paid: string }[];
    return rows.map((row) => ({
      seq: row.seq,
      principal: BigInt(row.principal),
      interest: BigInt(row.interest),
      paid: BigInt(row.paid),
    }));
  }
}
