import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

/**
 * The round's aggregate progress (raised, pledge count): never who pledged. Versioned by the
 * campaign's aggregate version, so a late event never winds the figures back.
 */
@Injectable()
@HandlesEvent('campaign.progress')
export class CampaignProgressHandler implements EventHandler<'campaign.progress'> {
  async handle({ aggregateVersion, payload }: Event<'campaign.progress'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO round_progress (project_id, progress_version, raised, pledge_count)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_id) DO UPDATE
         SET progress_version = EXCLUDED.progress_version, raised = EXCLUDED.raised,
             pledge_count = EXCLUDED.pledge_count, updated_at = now()
         WHERE round_progress.progress_version < EXCLUDED.progress_version AND round_progress.outcome IS NULL`,
      [payload.projectId, aggregateVersion, payload.raised, payload.pledgeCount],
    );
  }
}
