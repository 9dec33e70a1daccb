import { Inject, Injectable } from '@nestjs/common';
import { deadLetterQueueName, inboxQueueName, ServiceName } from '@crowdlink/contracts';
import { createRedis, PLATFORM_CONFIG, PlatformConfig, Redis } from '@crowdlink/platform';
import { Queue } from 'bullmq';

/**
 * The Redis connections of the messaging layer and the queues built on them. Producers
 * fail fast while Redis is away (the outbox keeps the events); workers wait and reconnect.
 */
@Injectable()
export class BullMqConnections {
  private producerConnection?: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workerConnections: Redis[] = [];

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  inboxOf(service: ServiceName): Queue {
    return this.queue(inboxQueueName(service));
  }

  deadLetterOf(service: ServiceName): Queue {
    return this.queue(deadLetterQueueName(service));
  }

  /** A dedicated blocking-capable connection for one worker. */
  workerConnection(): Redis {
    const connection = blockingConnection(this.config.REDIS_URL);
    this.workerConnections.push(connection);
    return connection;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    const connections = [this.producerConnection, ...this.workerConnections].filter((c): c is Redis => c !== undefined);
    await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer(), prefix: this.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private producer(): Redis {
    if (!this.producerConnection) {
      this.producerConnection = createRedis(this.config.REDIS_URL, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
      });
      this.producerConnection.on('error', () => undefined);
    }
    return this.producerConnection;
  }
}

/** A connection a BullMQ worker can block on: it waits through Redis outages instead of failing. */
export function blockingConnection(redisUrl: string): Redis {
  const connection = createRedis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  connection.on('error', () => undefined);
  return connection;
}
