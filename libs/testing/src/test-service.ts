import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@crowdlink/domain';
import { createLogger, createServiceApp, loadConfig, PlatformConfig, ServiceDefinition } from '@crowdlink/platform';
import { createTestDatabase } from './test-database';
import { currentTestRunId, jwtKeyDirOf, redisPrefixOf, TEST_REDIS_URL } from './test-run';

/** One test file's own world: a database copied from the template and a Redis prefix. */
export interface TestWorld {
  databaseUrl: string;
  redisPrefix: string;
  env: Record<string, string>;
}

export async function createTestWorld(env: Record<string, string> = {}): Promise<TestWorld> {
  const runId = currentTestRunId();
  const databaseUrl = await createTestDatabase();
  const redisPrefix = `${redisPrefixOf(runId)}-${randomBytes(3).toString('hex')}`;
  return {
    databaseUrl,
    redisPrefix,
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '20',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      JWT_KEY_DIR: jwtKeyDirOf(runId),
      OUTBOX_POLL_INTERVAL_MS: '20',
      // see createMetricsRegistry: each service booted would stay in the test process's memory
      PROCESS_METRICS: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    },
  };
}

export interface RunningService {
  app: NestFastifyApplication;
  url: string;
  config: PlatformConfig;
  close(): Promise<void>;
}

/**
 * Where an in-process service finds the others unless a test starts them and says where:
 * nowhere, so that a marketplace running on the standard ports never answers a test.
 */
const NO_OTHER_SERVICES = {
  PROJECT_LISTING_URL: 'http://127.0.0.1:1',
  INVESTOR_URL: 'http://127.0.0.1:1',
  PLEDGE_URL: 'http://127.0.0.1:1',
  LOAN_LINKAGE_URL: 'http://127.0.0.1:1',
};

/** Runs a service in-process on a free port, exactly as main.ts would, against the test world. */
export async function startTestService(
  service: ServiceDefinition,
  world: TestWorld,
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<RunningService> {
  const config = loadConfig({ ...NO_OTHER_SERVICES, ...world.env, ...options.env });
  const logger = createLogger(service.name, config.LOG_LEVEL);
  const app = await createServiceApp(service, { config, logger, clock: options.clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  // closing twice (a test that restarts a service, then the harness) closes once
  let closed: Promise<void> | undefined;
  return { app, url: url.replace('[::1]', '127.0.0.1'), config, close: () => (closed ??= app.close()) };
}
