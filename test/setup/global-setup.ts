import 'tsconfig-paths/register';
import 'reflect-metadata';
import { schemaOf } from '@crowdlink/contracts';
import { databaseOptions, ensureDatabaseAndSchema, loadConfig, migrateUnderLock } from '@crowdlink/platform';
import { databaseUrl, newTestRunId, TEST_RUN_ENV, templateDatabaseName } from '@crowdlink/testing';
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
