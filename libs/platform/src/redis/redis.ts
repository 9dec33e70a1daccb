import IORedis, { Redis, RedisOptions } from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * A connection for request-time commands: it fails fast instead of queueing while Redis is
 * away, so a request answers 503 rather than hanging.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new IORedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...options });
}

/** A Redis key inside the deployment's namespace. */
export function redisKey(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join(':');
}

export type { Redis };
