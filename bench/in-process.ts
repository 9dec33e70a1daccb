/**
 * Services booted inside the bench's own process, on this run's throwaway database and Redis
 * prefix (bench:events, bench:search and bench:matching).
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { schemaOf } from '@crowdlink/contracts';
import {
  createLogger,
  createServiceApp,
  ensureDatabaseAndSchema,
  loadConfig,
  PlatformConfig,
  ServiceDefinition,
} from '@crowdlink/platform';
import { Client } from 'pg';
import { benchEnvironment, onCleanup } from './bench-kit';

/** benchEnvironment, loaded as a service inside this process loads it. */
export async function benchConfig(overrides: Record<string, string> = {}): Promise<PlatformConfig> {
  return loadConfig(await benchEnvironment(overrides));
}

/** Migrates the service's schema and starts it (its relay and inbox worker too), without HTTP. */
export async function bootInProcess(
  service: ServiceDefinition,
  config: PlatformConfig,
): Promise<NestFastifyApplication> {
  await ensureDatabaseAndSchema(config.DATABASE_URL, schemaOf(service.name));
  const app = await createServiceApp(service, { config, logger: createLogger(service.name, config.LOG_LEVEL) });
  onCleanup(`close ${service.name}`, () => app.close());
  await app.init();
  return app;
}

/** bootInProcess, listening on a free local port. */
export async function serveInProcess(
  service: ServiceDefinition,
  config: PlatformConfig,
): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
  const app = await bootInProcess(service, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** A connection of the bench's own to the service's schema, for seeding and EXPLAIN. */
export async function schemaConnection(config: PlatformConfig, service: ServiceDefinition): Promise<Client> {
  const db = new Client({ connectionString: config.DATABASE_URL, options: `-c search_path=${schemaOf(service.name)}` });
  await db.connect();
  onCleanup(`close the connection to ${service.name}'s schema`, () => db.end());
  return db;
}
