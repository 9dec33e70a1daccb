import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every `npm test` run gets its own id; its databases and Redis keys are named after it,
 * so runs on one machine never see each other's data, and teardown removes exactly its own.
 */
export const TEST_RUN_ENV = 'CROWDLINK_TEST_RUN';

export function newTestRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function currentTestRunId(): string {
  const id = process.env[TEST_RUN_ENV];
  if (!id) throw new Error(`${TEST_RUN_ENV} is not set: run the tests through jest (its globalSetup sets it)`);
  return id;
}

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function templateDatabaseName(runId: string): string {
  return `crowdlink_test_${runId}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function redisPrefixOf(runId: string): string {
  return `crowdlink-test-${runId}`;
}

export function jwtKeyDirOf(runId: string): string {
  return join(tmpdir(), `crowdlink-test-${runId}`, 'jwt');
}
