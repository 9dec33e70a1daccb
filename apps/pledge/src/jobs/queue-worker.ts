import { createRedis, PlatformConfig } from '@crowdlink/platform';
import { Job, Worker, WorkerOptions } from 'bullmq';
import { Logger } from 'pino';

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * A BullMQ worker of the pledge service's own queues (settlement, reconfirmation) on its own
 * blocking connection, logging its failures with their reasons.
 */
export function startQueueWorker<T>(
  queueName: string,
  process: (job: Job<T>) => Promise<unknown>,
  { config, logger }: { config: PlatformConfig; logger: Logger },
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): RunningWorker {
  const connection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  connection.on('error', () => undefined);
  const worker = new Worker<T>(queueName, process, { ...options, connection, prefix: config.REDIS_PREFIX });
  worker.on('error', (error) => logger.warn({ queue: queueName, reason: error.message }, 'queue worker error'));
  worker.on('failed', (job, error) =>
    logger.warn(
      { queue: queueName, jobId: job?.id, attempt: job?.attemptsMade, reason: error.message },
      'queue job failed',
    ),
  );
  return {
    close: async () => {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
