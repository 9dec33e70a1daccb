import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { accounts } from '../ledger/accounts';
import { LoanLedger } from '../ledger/loan-ledger';
import { amortisationSchedule } from '../servicing/amortisation';
import { LoanRow } from './loan-row';
import { LoanTransitions } from './loan-transitions';

interface RoundOutcomeRow {
  outcome: 'FUNDED' | 'FAILED' | null;
  final_raised: string | null;
}

/**
 * The investment-loan linkage (投贷联动, domain-rules.md §3): a loan is paid out only when its
 * round is FUNDED with at least `minEquityRaised` AND its collateral's pledge is registered;
 * it lapses (collateral freed) when the round fails or raises less. Called whenever one of
 * those facts arrives (the round's close, the founder's acceptance, the registration), on a
 * locked loan, so the decision is taken once whatever order they come in.
 */
@Injectable()
export class Linkage {
  constructor(
    private readonly transitions: LoanTransitions,
    private readonly ledger: LoanLedger,
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async settle(manager: EntityManager, loan: LoanRow): Promise<LoanRow> {
    if (loan.status !== 'OFFERED' && loan.status !== 'ACCEPTED') return loan;
    const [round] = (await manager.query(
      `SELECT outcome, final_raised::text AS final_raised FROM round_progress WHERE project_id = $1`,
      [loan.project_id],
    )) as RoundOutcomeRow[];
    if (!round?.outcome) return loan;
    if (round.outcome === 'FAILED') {
      return this.transitions.move(manager, loan, 'LAPSED', { actorId: null, reason: 'the equity round FAILED' });
    }
    if (BigInt(round.final_raised ?? '0') < BigInt(loan.min_equity_raised)) {
      return this.transitions.move(manager, loan, 'LAPSED', {
        actorId: null,
        reason: `the round raised ${round.final_raised}, below minEquityRaised ${loan.min_equity_raised}`,
      });
    }
    if (loan.status === 'ACCEPTED' && loan.registration_number !== null) return this.disburse(manager, loan);
    return loan;
  }

  private async disburse(manager: EntityManager, loan: LoanRow): Promise<LoanRow> {
    const disbursed = await this.transitions.move(manager, loan, 'DISBURSED', {
      actorId: null,
      reason: 'round FUNDED with at least minEquityRaised and collateral registered',
    });
    const disbursedAt = disbursed.disbursed_at!;
    const principal = BigInt(disbursed.principal);
    const schedule = amortisationSchedule({
      principal,
      annualRateBps: disbursed.annual_rate_bps,
      termMonths: disbursed.term_months,
      startsAt: disbursedAt,
    });
    await manager.query(
      `INSERT INTO instalments (loan_id, seq, due_at, principal, interest)
       SELECT $1, i.seq, i.due_at, i.principal, i.interest
         FROM unnest($2::int[], $3::timestamptz[], $4::bigint[], $5::bigint[]) AS i (seq, due_at, principal, interest)`,
      [
        disbursed.id,
        schedule.map((i) => i.seq),
        schedule.map((i) => i.dueAt.toISOString()),
        schedule.map((i) => i.principal.toString()),
        schedule.map((i) => i.interest.toString()),
      ],
    );
    await this.ledger.post(manager, {
      kind: 'DISBURSEMENT',
      referenceId: disbursed.id,
      currency: disbursed.currency,
      occurredAt: disbursedAt,
      lines: [
        { account: accounts.loanReceivable(disbursed.id), debit: principal },
        { account: accounts.bankCash(disbursed.bank_organization_id), credit: principal },
      ],
    });
    if (disbursed.warrant_equity_bps !== null && disbursed.warrant_holder !== null) {
      await this.outbox.publish(manager, 'warrant.granted', {
        aggregateId: disbursed.id,
        aggregateVersion: disbursed.version,
        payload: {
          loanId: disbursed.id,
          projectId: disbursed.project_id,
          holder: disbursed.warrant_holder,
          holderOrganizationId: disbursed.bank_organization_id,
          equityBps: disbursed.warrant_equity_bps,
          grantedAt: this.clock.now().toISOString(),
        },
      });
    }
    return disbursed;
  }
}
