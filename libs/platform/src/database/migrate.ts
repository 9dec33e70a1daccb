import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Runs pending migrations with a PostgreSQL advisory lock held on a side connection, so
 * replicas that start together migrate one after the other instead of racing.
 */
export async function migrateUnderLock(dataSource: DataSource, databaseUrl: string, schema: string): Promise<number> {
  const lockHolder = new Client({ connectionString: databaseUrl });
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock(hashtext($1))', [`crowdlink-migrations:${schema}`]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.length;
  } finally {
    await lockHolder.end();
  }
}
