import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '@crowdlink/platform';
import { ADMIN_DATABASE_URL, currentTestRunId, databaseUrl, templateDatabaseName } from './test-run';

/**
 * A fresh database for one test file, copied from the run's migrated template in a
 * fraction of a second. Dropped with the run.
 */
export async function createTestDatabase(): Promise<string> {
  const runId = currentTestRunId();
  const name = `${templateDatabaseName(runId)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) =>
    admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateDatabaseName(runId))}`),
  );
  return databaseUrl(name);
}

/** Drops every database of a test run. */
export async function dropRunDatabases(runId: string): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${templateDatabaseName(runId)}%`,
    ]);
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
  });
}

export async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
