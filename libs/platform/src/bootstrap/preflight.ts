import IORedis from 'ioredis';
import { ensureDatabaseAndSchema } from '../database/ensure-database';

const HOW_TO_START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const HOW_TO_START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

/** A dependency that is not there: the message is one line that says which, where, and what to do. */
export class DependencyUnavailableError extends Error {}

/** Checks that PostgreSQL and Redis answer, creating the database and schema when missing. */
export async function checkDependencies(databaseUrl: string, redisUrl: string, schema: string): Promise<void> {
  try {
    await ensureDatabaseAndSchema(databaseUrl, schema);
  } catch (error) {
    throw new DependencyUnavailableError(
      `PostgreSQL is not reachable at ${redactUrl(databaseUrl)} (${reason(error)}). Start it with: ${HOW_TO_START_POSTGRES} (or set DATABASE_URL)`,
    );
  }
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
      `Redis is not reachable at ${redactUrl(redisUrl)} (${reason(socketError ?? error)}). Start it with: ${HOW_TO_START_REDIS} (or set REDIS_URL)`,
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
