import { UserSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps investors' records in step with the gateway's users, several users in one statement.
 * Events may arrive in any order: a snapshot older than the one already applied changes
 * nothing, so of several snapshots of one user only the newest matters (which also keeps one
 * INSERT … ON CONFLICT from touching a row twice).
 */
export async function applyUserSnapshots(manager: EntityManager, users: UserSnapshotV1[]): Promise<void> {
  const newest = new Map<string, UserSnapshotV1>();
  for (const user of users) {
    if (user.role !== 'investor') continue;
    const known = newest.get(user.userId);
    if (!known || known.userVersion < user.userVersion) newest.set(user.userId, user);
  }
  if (newest.size === 0) return;
  const snapshots = [...newest.values()];
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
