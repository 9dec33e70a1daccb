import 'tsconfig-paths/register';
import 'reflect-metadata';
import { schemaOf } from '@crowdlink/contracts';
import {
  checkDependencies,
  databaseOptions,
  DependencyUnavailableError,
  ensureDatabaseAndSchema,
  loadConfig,
  migrateUnderLock,
} from '@crowdlink/platform';
import { databaseUrl, newTestRunId, TEST_REDIS_URL, TEST_RUN_ENV, templateDatabaseName } from '@crowdlink/testing';
import { DataSource } from 'typeorm';
import { ALL_SERVICES } from './service-definitions';

/**
 * Once per `npm test`: a run id, and a template database with every service's migrations
 * applied. Each test file then copies the template (see createTestWorld).
 */
export default async function globalSetup(): Promise<void> {
  const runId = newTestRunId();
  process.env[TEST_RUN_ENV] = runId;
  const url = databaseUrl(templateDatabaseName(runId));
  await stopUnlessReachable(url);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_SIZE: '2' });
  for (const service of ALL_SERVICES) {
    await ensureDatabaseAndSchema(url, schemaOf(service.name));
    const dataSource = await new DataSource(databaseOptions(config, service)).initialize();
    try {
      await migrateUnderLock(dataSource, url, schemaOf(service.name));
    } finally {
      await dataSource.destroy();
    }
  }
}

/** Without PostgreSQL or Redis no test can run: one line says which, where and how to start it. */
async function stopUnlessReachable(url: string): Promise<void> {
  try {
    await checkDependencies(url, TEST_REDIS_URL, schemaOf(ALL_SERVICES[0]!.name), {
      database: 'TEST_DATABASE_ADMIN_URL',
      redis: 'TEST_REDIS_URL',
    });
  } catch (error) {
    if (!(error instanceof DependencyUnavailableError)) throw error;
    process.stderr.write(`\n${error.message}\n`);
    process.exit(1);
  }
}
