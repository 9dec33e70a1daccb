import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FailedSettlement } from './failed-settlement';
import { SettlementOutcome } from './settlement-outcome';
import { StartupPayout } from './startup-payout';

/**
 * Moves one settlement on as far as it can go now: decide the outcome if nothing is still
 * being collected, then wind a FAILED one down or pay a FUNDED one out. Every step is
 * idempotent, so the charge worker, the fix-window worker, the admin close and the sweep may
 * all call it, concurrently or after a crash.
 */
@Injectable()
export class SettlementProgress {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outcome: SettlementOutcome,
    private readonly failed: FailedSettlement,
    private readonly payout: StartupPayout,
  ) {}

  async advance(projectId: string): Promise<void> {
    await this.outcome.decide(projectId);
    const [settlement] = (await this.dataSource.query(
      `SELECT s.outcome, c.status, s.payout_status FROM settlements s JOIN campaigns c USING (project_id)
        WHERE s.project_id = $1`,
      [projectId],
    )) as { outcome: string | null; status: string; payout_status: string }[];
    if (settlement?.outcome === 'FAILED' && settlement.status === 'SETTLING') await this.failed.windDown(projectId);
    if (settlement?.outcome === 'FUNDED' && settlement.payout_status !== 'PAID') await this.payout.pay(projectId);
  }
}
