import { CampaignProgressV1, Event } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';
import { CampaignCurrencyMismatchError, UnknownCampaignError } from './funding.exceptions';

/**
 * Copies the pledge service's totals onto the project, for the showcase's funding
 * progress. Figures older than those already shown (a lower campaign version) are ignored,
 * so progress never runs backwards when events overtake each other.
 * Returns the project's status, locked for the rest of the transaction.
 */
export async function applyCampaignFigures(
  manager: EntityManager,
  event: Event<'campaign.progress' | 'campaign.closed'>,
): Promise<string> {
  const figures: CampaignProgressV1 = event.payload;
  const [project] = (await manager.query(`SELECT currency, status FROM projects WHERE id = $1 FOR UPDATE`, [
    figures.projectId,
  ])) as { currency: string; status: string }[];
  if (!project) throw new UnknownCampaignError(figures.projectId);
  if (project.currency !== figures.currency) {
    throw new CampaignCurrencyMismatchError(figures.projectId, project.currency, figures.currency);
  }
  await manager.query(
    `UPDATE projects SET raised = $2, pledge_count = $3, funding_version = $4, updated_at = now()
      WHERE id = $1 AND funding_version < $4`,
    [figures.projectId, figures.raised, figures.pledgeCount, event.aggregateVersion],
  );
  return project.status;
}
