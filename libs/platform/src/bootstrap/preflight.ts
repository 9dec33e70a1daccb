import IORedis from 'ioredis';
import { ensureDatabaseAndSchema } from '../database/ensure-database';

const HOW_TO_START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const HOW_TO_START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

/** A dependency that is not there: the message is one line that says which, where, and what to do. */
export class DependencyUnavailableError extends Error {}

/** The settings a user changes to point at another PostgreSQL or Redis, named in the hint. */
export interface DependencySettings {
  database: string;
  redis: string;
}

/**
 * Checks that Redis and PostgreSQL answer, then creates the database and schema when missing
 * (Redis first, so that a run stopped for want of Redis leaves nothing behind in PostgreSQL).
 */
export async function checkDependencies(
  databaseUrl: string,
  redisUrl: string,
  schema: string,
  settings: DependencySettings = { database: 'DATABASE_URL', redis: 'REDIS_URL' },
): Promise<void> {
  await checkRedis(redisUrl, settings.redis);
  try {
    await ensureDatabaseAndSchema(databaseUrl, schema);
  } catch (error) {
    throw new DependencyUnavailableError(
      `PostgreSQL is not reachable at ${redactUrl(databaseUrl)} (${reason(error)}). Start it with: ${HOW_TO_START_POSTGRES} (or set ${settings.database})`,
    );
  }
}

/** Checks that Redis answers; `setting` is what the hint tells the user to change. */
export async function checkRedis(redisUrl: string, setting = 'REDIS_URL'): Promise<void> {
  const redis = new IORedis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let socketError: unknown;
  redis.on('error', (error) => (socketError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    // ioredis rejects with "Connection is closed"; the socket's own error says why
    throw new DependencyUnavailableError(
      `Redis is not reachable at ${redactUrl(redisUrl)} (${reason(socketError ?? error)}). Start it with: ${HOW_TO_START_REDIS} (or set ${setting})`,
    );
  } finally {
    redis.disconnect();
  }
}

export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw;
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
