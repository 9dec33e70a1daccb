import { UserSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps an investor's record in step with the gateway's user. Events may arrive in any
 * order: a snapshot older than the one already applied changes nothing.
 */
export async function applyUserSnapshot(manager: EntityManager, user: UserSnapshotV1): Promise<void> {
  if (user.role !== 'investor') return;
  await manager.query(
    `INSERT INTO investor_profiles (user_id, display_name, user_version)
     VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE
       SET display_name = EXCLUDED.display_name, user_version = EXCLUDED.user_version, updated_at = now()
       WHERE investor_profiles.user_version < EXCLUDED.user_version`,
    [user.userId, user.displayName, user.userVersion],
  );
}
