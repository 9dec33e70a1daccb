import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

const CHECK_TIMEOUT_MS = 2000;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

/** Healthy means both of the service's dependencies answer now. */
export async function checkHealth(dataSource: DataSource, redis: Redis): Promise<HealthReport> {
  const [database, redisUp] = await Promise.all([
    answers(() => dataSource.query('SELECT 1')),
    answers(() => redis.ping()),
  ]);
  const checks = { database: database ? 'up' : 'down', redis: redisUp ? 'up' : 'down' } as const;
  return { status: database && redisUp ? 'ok' : 'unavailable', checks };
}

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
