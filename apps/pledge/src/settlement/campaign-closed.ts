import { Injectable } from '@nestjs/common';
import { CampaignOutcome } from '@crowdlink/contracts';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

export interface ClosingFigures {
  raised: number;
  pledgeCount: number;
  investorCount: number;
  platformFee: number;
  payout: number;
}

export const NOTHING_RAISED: ClosingFigures = {
  raised: 0,
  pledgeCount: 0,
  investorCount: 0,
  platformFee: 0,
  payout: 0,
};

/**
 * The end of a settlement, in the caller's transaction: the campaign leaves SETTLING for its
 * outcome and `campaign.closed` is published, once (the UPDATE is conditional on SETTLING).
 */
@Injectable()
export class CampaignClosed {
  constructor(private readonly outbox: OutboxPublisher) {}

  async finish(
    manager: EntityManager,
    projectId: string,
    outcome: CampaignOutcome,
    figures: ClosingFigures,
    at: Date,
  ): Promise<void> {
    const [finished] = (await manager.query(
      `UPDATE campaigns SET status = $2, progress_version = progress_version + 1, updated_at = now()
        WHERE project_id = $1 AND status = 'SETTLING'
        RETURNING progress_version, trim(currency) AS currency, target_amount::text AS target_amount`,
      [projectId, outcome],
    )) as [{ progress_version: number; currency: string; target_amount: string }[], number];
    const campaign = finished[0];
    if (!campaign) return;
    await manager.query(`UPDATE settlements SET finished_at = $2, updated_at = now() WHERE project_id = $1`, [
      projectId,
      at.toISOString(),
    ]);
    await this.outbox.publish(manager, 'campaign.closed', {
      aggregateId: projectId,
      aggregateVersion: campaign.progress_version,
      payload: {
        projectId,
        currency: campaign.currency,
        outcome,
        targetAmount: Number(campaign.target_amount),
        ...figures,
        closedAt: at.toISOString(),
      },
    });
  }
}
