import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource } from 'typeorm';
import { LoanTransitions } from '../loans/loan-transitions';
import { DAY_MS } from '../clock/days';

export interface ServicingRun {
  at: string;
  instalmentsMarkedOverdue: number;
  defaultedLoanIds: string[];
}

/**
 * The daily servicing pass: instalments unpaid past their due date are marked overdue, and a
 * loan with an instalment unpaid LOAN_DEFAULT_AFTER_DAYS_OVERDUE days (90 by default) past due
 * is DEFAULTED. Safe to run twice or on two replicas at once: both steps are conditional, and
 * each default is decided on the locked loan.
 */
@Injectable()
export class LoanServicingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: LoanTransitions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async run(): Promise<ServicingRun> {
    const now = this.clock.now();
    const [, marked] = (await this.dataSource.query(
      `UPDATE instalments i SET overdue_since = i.due_at, updated_at = now()
         FROM loans l
        WHERE l.id = i.loan_id AND l.status = 'DISBURSED' AND i.paid_at IS NULL AND i.overdue_since IS NULL
          AND i.due_at < $1`,
      [now.toISOString()],
    )) as [unknown, number];
    const defaultLine = new Date(now.getTime() - this.config.LOAN_DEFAULT_AFTER_DAYS_OVERDUE * DAY_MS);
    const candidates = (await this.dataSource.query(
      `SELECT DISTINCT i.loan_id AS id FROM instalments i JOIN loans l ON l.id = i.loan_id
        WHERE l.status = 'DISBURSED' AND i.paid_at IS NULL AND i.due_at <= $1 ORDER BY i.loan_id`,
      [defaultLine.toISOString()],
    )) as { id: string }[];
    const defaulted: string[] = [];
    for (const { id } of candidates) {
      if (await this.defaultIfStillOverdue(id, defaultLine)) defaulted.push(id);
    }
    return { at: now.toISOString(), instalmentsMarkedOverdue: marked, defaultedLoanIds: defaulted };
  }

  /** A repayment may have landed since the candidates were read: decided again on the locked loan. */
  private async defaultIfStillOverdue(id: string, defaultLine: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.transitions.lock(manager, id);
      if (loan.status !== 'DISBURSED') return false;
      const [oldest] = (await manager.query(
        `SELECT seq, due_at FROM instalments WHERE loan_id = $1 AND paid_at IS NULL AND due_at <= $2
          ORDER BY seq LIMIT 1`,
        [id, defaultLine.toISOString()],
      )) as { seq: number; due_at: Date }[];
      if (!oldest) return false;
      await this.transitions.move(manager, loan, 'DEFAULTED', {
        actorId: null,
        reason: `instalment ${oldest.seq} (due ${oldest.due_at.toISOString()}) unpaid for ${this.config.LOAN_DEFAULT_AFTER_DAYS_OVERDUE} days`,
      });
      return true;
    });
  }
}
