import { ProjectSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps an equity round in step with its project. Every project event carries the whole
 * snapshot, so events may arrive in any order: one older than what is held changes nothing.
 */
export async function applyProjectSnapshot(manager: EntityManager, project: ProjectSnapshotV1): Promise<void> {
  await manager.query(
    `INSERT INTO equity_rounds (project_id, project_version, company_id, owner_id, title, kind, sector, stage, region,
                                jurisdiction, status, currency, target_amount, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (project_id) DO UPDATE
       SET project_version = EXCLUDED.project_version, company_id = EXCLUDED.company_id,
           owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, kind = EXCLUDED.kind, sector = EXCLUDED.sector,
           stage = EXCLUDED.stage, region = EXCLUDED.region, jurisdiction = EXCLUDED.jurisdiction,
           status = CASE WHEN equity_rounds.status IN ('FUNDED', 'FAILED') THEN equity_rounds.status
                         ELSE EXCLUDED.status END,
           currency = EXCLUDED.currency, target_amount = EXCLUDED.target_amount, closes_at = EXCLUDED.closes_at,
           updated_at = now()
       WHERE equity_rounds.project_version < EXCLUDED.project_version`,
    [
      project.projectId,
      project.projectVersion,
      project.companyId,
      project.ownerId,
      project.title,
      project.kind,
      project.sector,
      project.stage,
      project.region,
      project.jurisdiction,
      project.status,
      project.currency,
      project.targetAmount,
      project.closesAt,
    ],
  );
}
