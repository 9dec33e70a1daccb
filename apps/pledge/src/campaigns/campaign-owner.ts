import { AuthenticatedUser } from '@crowdlink/auth';
import { NotProjectOwnerException, ProjectNotFoundException } from '../cap-table/cap-table.exceptions';

/** A campaign row read with `snapshot->>'ownerId' AS owner_id`. */
export interface OwnedCampaignRow {
  owner_id: string | null;
}

/** A project's figures are for its owner and admins: no campaign is not found, anyone else is refused. */
export function assertOwnerOrAdmin<T extends OwnedCampaignRow>(
  user: AuthenticatedUser,
  projectId: string,
  campaign: T | undefined,
): asserts campaign is T {
  if (!campaign) throw new ProjectNotFoundException(projectId);
  if (user.role !== 'admin' && campaign.owner_id !== user.id) throw new NotProjectOwnerException();
}
