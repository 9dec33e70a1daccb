import { CampaignProgressV1, ProjectSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps `matchable_projects` in step with project-listing's project events. Each carries the
 * whole snapshot, so they may come in any order: one not newer than the held project_version
 * changes nothing. Answers whether it was applied (so a late, stale project.live notifies no one).
 */
export async function applyProjectSnapshot(manager: EntityManager, project: ProjectSnapshotV1): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO matchable_projects (project_id, project_version, owner_id, title, status, kind, sector, stage, region,
                                     jurisdiction, currency, target_amount, max_amount, min_pledge, opens_at, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (project_id) DO UPDATE
       SET project_version = EXCLUDED.project_version, owner_id = EXCLUDED.owner_id, title = EXCLUDED.title,
           status = EXCLUDED.status, kind = EXCLUDED.kind, sector = EXCLUDED.sector, stage = EXCLUDED.stage,
           region = EXCLUDED.region, jurisdiction = EXCLUDED.jurisdiction, currency = EXCLUDED.currency,
           target_amount = EXCLUDED.target_amount, max_amount = EXCLUDED.max_amount,
           min_pledge = EXCLUDED.min_pledge, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at,
           updated_at = now()
       WHERE matchable_projects.project_version < EXCLUDED.project_version
     RETURNING project_id`,
    [
      project.projectId,
      project.projectVersion,
      project.ownerId,
      project.title,
      project.status,
      project.kind,
      project.sector,
      project.stage,
      project.region,
      project.jurisdiction,
      project.currency,
      project.targetAmount,
      project.maxAmount,
      project.minPledge,
      project.opensAt,
      project.closesAt,
    ],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * Applies the pledge service's campaign figures, guarded by the campaign's own version
 * (funding_version), independent of the project's. The row may not exist yet: the project
 * columns stay null until a project event fills them in. A closed campaign is never
 * recommended again, whatever project event comes later.
 */
export async function applyFunding(
  manager: EntityManager,
  funding: CampaignProgressV1,
  fundingVersion: number,
  closed: boolean,
): Promise<void> {
  await manager.query(
    `INSERT INTO matchable_projects (project_id, funding_version, raised, pledge_count, campaign_closed)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (project_id) DO UPDATE
       SET funding_version = EXCLUDED.funding_version, raised = EXCLUDED.raised,
           pledge_count = EXCLUDED.pledge_count,
           campaign_closed = matchable_projects.campaign_closed OR EXCLUDED.campaign_closed, updated_at = now()
       WHERE matchable_projects.funding_version < EXCLUDED.funding_version`,
    [funding.projectId, fundingVersion, funding.raised, funding.pledgeCount, closed],
  );
}
