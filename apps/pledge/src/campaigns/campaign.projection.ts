import { ProjectSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps a campaign in step with its project. Every project event carries the whole
 * snapshot, so events may arrive in any order: one older than what is held changes nothing.
 */
export async function applyProjectSnapshot(manager: EntityManager, project: ProjectSnapshotV1): Promise<void> {
  await manager.query(
    `INSERT INTO campaigns (project_id, project_version, status, kind, jurisdiction, currency, target_amount,
                            max_amount, min_pledge, opens_at, closes_at, funding_model, price_per_share,
                            share_class, snapshot)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (project_id) DO UPDATE
       SET project_version = EXCLUDED.project_version, status = EXCLUDED.status, kind = EXCLUDED.kind,
           jurisdiction = EXCLUDED.jurisdiction, currency = EXCLUDED.currency,
           target_amount = EXCLUDED.target_amount, max_amount = EXCLUDED.max_amount,
           min_pledge = EXCLUDED.min_pledge, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at,
           funding_model = EXCLUDED.funding_model, price_per_share = EXCLUDED.price_per_share,
           share_class = EXCLUDED.share_class, snapshot = EXCLUDED.snapshot, updated_at = now()
       WHERE campaigns.project_version < EXCLUDED.project_version`,
    [
      project.projectId,
      project.projectVersion,
      project.status,
      project.kind,
      project.jurisdiction,
      project.currency,
      project.targetAmount,
      project.maxAmount,
      project.minPledge,
      project.opensAt,
      project.closesAt,
      project.fundingModel,
      project.equity?.pricePerShare ?? null,
      project.equity?.shareClass ?? null,
      JSON.stringify(project),
    ],
  );
}
