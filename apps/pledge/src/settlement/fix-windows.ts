import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { PledgeTransitions } from './pledge-transitions';

/**
 * Ends fix windows: a soft-declined pledge with no new payment method by `fix_by` is
 * PAYMENT_FAILED (domain-rules.md §2). A pledge whose new method is being charged right now
 * is left to that charge's answer (failing it meanwhile could orphan a successful charge).
 */
@Injectable()
export class FixWindows {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly transitions: PledgeTransitions,
  ) {}

  async end(pledgeId: string): Promise<boolean> {
    return this.dataSource.transaction((manager) => this.transitions.expire(manager, pledgeId, this.clock.now()));
  }

  /** The windows of a campaign that ended without their job (lost, or run before the clock). */
  async endDue(projectId: string): Promise<void> {
    const due = (await this.dataSource.query(
      `SELECT id FROM pledges WHERE project_id = $1 AND status = 'PAYMENT_ACTION_REQUIRED' AND fix_by <= $2`,
      [projectId, this.clock.now().toISOString()],
    )) as { id: string }[];
    for (const { id } of due) await this.end(id);
  }
}
