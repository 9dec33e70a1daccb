import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { Linkage } from '../linkage';
import { LoanTransitions } from '../loan-transitions';
import { pendingLoanIdsOf } from '../pending-loans';

/**
 * The round's outcome decides its linked loans: FUNDED with enough → disbursed (once the
 * collateral is registered), FAILED or short → lapsed. A redelivered close changes nothing:
 * the outcome is written once and settled loans are no longer OFFERED or ACCEPTED.
 */
@Injectable()
@HandlesEvent('campaign.closed')
export class CampaignClosedHandler implements EventHandler<'campaign.closed'> {
  constructor(
    private readonly transitions: LoanTransitions,
    private readonly linkage: Linkage,
  ) {}

  async handle({ payload }: Event<'campaign.closed'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO round_progress (project_id, raised, pledge_count, outcome, final_raised, closed_at)
       VALUES ($1, $2, $3, $4, $2, $5)
       ON CONFLICT (project_id) DO UPDATE
         SET raised = EXCLUDED.raised, pledge_count = EXCLUDED.pledge_count, outcome = EXCLUDED.outcome,
             final_raised = EXCLUDED.final_raised, closed_at = EXCLUDED.closed_at, updated_at = now()
         WHERE round_progress.outcome IS NULL`,
      [payload.projectId, payload.raised, payload.pledgeCount, payload.outcome, payload.closedAt],
    );
    await manager.query(`UPDATE equity_rounds SET status = $2, updated_at = now() WHERE project_id = $1`, [
      payload.projectId,
      payload.outcome,
    ]);
    const pending = await pendingLoanIdsOf(manager, payload.projectId);
    for (const id of pending) await this.linkage.settle(manager, await this.transitions.lock(manager, id));
  }
}
