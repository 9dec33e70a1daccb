import { Inject, Injectable } from '@nestjs/common';
import { EventType } from '@crowdlink/contracts';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { releasePoolEnrolment } from '../risk-pools/pool-enrolment';
import { LOAN_COLUMNS, LoanRow, LoanStatus, loanSnapshotOf } from './loan-row';
import { canMove, ENDS_POOL_ENROLMENT, FREES_COLLATERAL } from './loan-state-machine';
import { LoanNotFoundException, LoanTransitionNotAllowedException } from './loan.exceptions';

const EVENT_OF_STATUS: Partial<Record<LoanStatus, EventType & `loan.${string}`>> = {
  OFFERED: 'loan.offered',
  ACCEPTED: 'loan.accepted',
  DISBURSED: 'loan.disbursed',
  LAPSED: 'loan.lapsed',
  DEFAULTED: 'loan.defaulted',
};

export interface TransitionCause {
  /** Who moved it; null when the platform did (an event, the servicing job). */
  actorId: string | null;
  reason: string;
}

/**
 * Every change of a loan's status goes through here: the state machine's check, the version
 * bump, the history row, what the new status frees (collateral, pool enrolment) and the
 * loan.* event, all in the caller's transaction. Callers lock the loan first (`lock`), so
 * concurrent requests on one loan are decided one after the other.
 */
@Injectable()
export class LoanTransitions {
  constructor(
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<LoanRow> {
    const [loan] = (await manager.query(
      `SELECT ${LOAN_COLUMNS} FROM loans l JOIN equity_rounds r USING (project_id) WHERE l.id = $1 FOR UPDATE OF l`,
      [id],
    )) as LoanRow[];
    if (!loan) throw new LoanNotFoundException(id);
    return loan;
  }

  /** The loan's first status, for a loan just inserted. */
  async recordOffer(manager: EntityManager, loan: LoanRow, cause: TransitionCause): Promise<void> {
    await this.recordHistory(manager, loan.id, null, loan, cause);
    await this.announce(manager, loan);
  }

  async move(manager: EntityManager, loan: LoanRow, to: LoanStatus, cause: TransitionCause): Promise<LoanRow> {
    if (!canMove(loan.status, to)) throw new LoanTransitionNotAllowedException(loan.id, loan.status, to);
    const now = this.clock.now();
    const [rows] = (await manager.query(
      `UPDATE loans l SET status = $3, version = l.version + 1, updated_at = now(),
                          disbursed_at = CASE WHEN $3 = 'DISBURSED' THEN $4::timestamptz ELSE l.disbursed_at END
         FROM equity_rounds r
        WHERE l.id = $1 AND l.status = $2 AND r.project_id = l.project_id
        RETURNING ${LOAN_COLUMNS}`,
      [loan.id, loan.status, to, now.toISOString()],
    )) as [LoanRow[], number];
    const moved = rows[0];
    if (!moved) throw new Error(`Loan ${loan.id} changed while locked: a caller forgot LoanTransitions.lock`);

    await this.recordHistory(manager, loan.id, loan.status, moved, cause);
    if (FREES_COLLATERAL.has(to)) {
      await manager.query(
        `UPDATE loan_collateral SET released_at = $2, updated_at = now() WHERE loan_id = $1 AND released_at IS NULL`,
        [loan.id, now.toISOString()],
      );
    }
    if (ENDS_POOL_ENROLMENT.has(to) && moved.risk_pool_id) {
      await releasePoolEnrolment(manager, moved.risk_pool_id, BigInt(moved.principal));
    }
    await this.announce(manager, moved);
    return moved;
  }

  private async recordHistory(
    manager: EntityManager,
    loanId: string,
    from: LoanStatus | null,
    loan: LoanRow,
    cause: TransitionCause,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO loan_transitions (id, loan_id, from_status, to_status, version, actor_id, reason, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [newId(), loanId, from, loan.status, loan.version, cause.actorId, cause.reason, this.clock.now().toISOString()],
    );
  }

  private async announce(manager: EntityManager, loan: LoanRow): Promise<void> {
    const type = EVENT_OF_STATUS[loan.status];
    if (!type) return;
    await this.outbox.publish(manager, type, {
      aggregateId: loan.id,
      aggregateVersion: loan.version,
      payload: loanSnapshotOf(loan, this.clock.now()),
    });
  }
}
