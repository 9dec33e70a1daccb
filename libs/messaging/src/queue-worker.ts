import { PlatformConfig } from '@crowdlink/platform';
import { Processor, Worker, WorkerOptions } from 'bullmq';
import { Logger } from 'pino';
import { blockingConnection } from './bullmq-connections';

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * A BullMQ worker of one of a service's own job queues (settlement, reconfirmation, go-live,
 * loan servicing) on its own blocking connection, logging its failures with their reasons.
 */
export function startQueueWorker<T>(
  queueName: string,
  process: Processor<T>,
  { config, logger }: { config: PlatformConfig; logger: Logger },
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): RunningWorker {
  const connection = blockingConnection(config.REDIS_URL);
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
