import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullMqConnections } from './bullmq-connections';
import { EventHandlerRegistry } from './inbox/event-handler.registry';
import { InboxConsumer } from './inbox/inbox.consumer';
import { MessagingJanitor } from './messaging.janitor';
import { MessagingMetrics } from './messaging.metrics';
import { OutboxCommits } from './outbox/outbox-commits';
import { OutboxDelivery } from './outbox/outbox-delivery';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';

/** Closes queues and connections after the relay and the worker have stopped. */
@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(@Inject(BullMqConnections) private readonly connections: BullMqConnections) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connections.close();
  }
}

/**
 * The event backbone of a service: publish through the outbox, relay to the consumers'
 * inbox queues, consume idempotently. Handlers are the service's @HandlesEvent providers.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    BullMqConnections,
    MessagingMetrics,
    OutboxCommits,
    OutboxPublisher,
    OutboxDelivery,
    OutboxRelay,
    EventHandlerRegistry,
    InboxConsumer,
    ConnectionsCloser,
    MessagingJanitor,
  ],
  exports: [OutboxPublisher],
})
export class MessagingModule {}
