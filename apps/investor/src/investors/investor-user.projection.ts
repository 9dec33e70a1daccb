import { UserSnapshotV1 } from '@crowdlink/contracts';
import { newestPerKey } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

/**
 * Keeps investors' records in step with the gateway's users, several users in one statement.
 * Events may arrive in any order: a snapshot older than the one already applied changes
 * nothing, so of several snapshots of one user only the newest is sent (newestPerKey).
 */
export async function applyUserSnapshots(manager: EntityManager, users: UserSnapshotV1[]): Promise<void> {
  const snapshots = newestPerKey(
    users.filter((user) => user.role === 'investor'),
    (user) => user.userId,
    (user) => user.userVersion,
  );
  if (snapshots.length === 0) return;
  await manager.query(
    `INSERT INTO investor_profiles (user_id, display_name, user_version)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])
     ON CONFLICT (user_id) DO UPDATE
       SET display_name = EXCLUDED.display_name, user_version = EXCLUDED.user_version, updated_at = now()
       WHERE investor_profiles.user_version < EXCLUDED.user_version`,
    [
      snapshots.map((user) => user.userId),
      snapshots.map((user) => user.displayName),
      snapshots.map((user) => user.userVersion),
    ],
  );
}
