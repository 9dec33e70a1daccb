import { Client } from 'pg';

const DATABASE_DOES_NOT_EXIST = '3D000';

/** Creates the database named in the URL when it is missing, then the service's schema. */
export async function ensureDatabaseAndSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = await connectCreatingDatabase(databaseUrl);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } finally {
    await client.end();
  }
}

async function connectCreatingDatabase(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== DATABASE_DOES_NOT_EXIST) throw error;
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    // another process created it between our two connections (duplicate_database, or
    // unique_violation when both CREATEs ran at the same moment)
    if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await admin.end();
  }
  const created = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await created.connect();
  return created;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
