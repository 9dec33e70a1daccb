import { UserSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Investors' display names, as the gateway's user events announce them, for the cap table.
 * Events may arrive in any order: a snapshot older than the one applied changes nothing.
 */
export async function applyInvestorName(manager: EntityManager, user: UserSnapshotV1): Promise<void> {
  if (user.role !== 'investor') return;
  await manager.query(
    `INSERT INTO investor_names (user_id, display_name, user_version)
     VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE
       SET display_name = EXCLUDED.display_name, user_version = EXCLUDED.user_version, updated_at = now()
       WHERE investor_names.user_version < EXCLUDED.user_version`,
    [user.userId, user.displayName, user.userVersion],
  );
}
