import { existsSync } from 'node:fs';
import { schemaOf } from '@crowdlink/contracts';
import { ConfigurationError, loadConfig } from '../config/load-config';
import { portOf } from '../config/service-urls';
import { createLogger } from '../logging/logger';
import { createServiceApp } from './create-service-app';
import { checkDependencies, DependencyUnavailableError } from './preflight';
import { ServiceDefinition } from './service-definition';

/** Hard stop if a graceful shutdown hangs: workers drained and pools closed well within 10 s. */
const SHUTDOWN_DEADLINE_MS = 9000;

/** The main() of every service: config, dependencies, app, listen; one clear line on failure. */
export async function runService(service: ServiceDefinition): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env, service.name);
    await checkDependencies(config.DATABASE_URL, config.REDIS_URL, schemaOf(service.name));
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof DependencyUnavailableError) {
      process.stderr.write(`[${service.name}] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(service.name, config.LOG_LEVEL);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error('shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    });
  }

  try {
    const app = await createServiceApp(service, { config, logger });
    const port = portOf(config, service.name);
    await app.listen({ port, host: config.HOST });
    logger.info({ port, host: config.HOST }, `${service.name} listening`);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
