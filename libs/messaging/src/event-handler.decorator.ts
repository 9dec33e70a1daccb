import { SetMetadata } from '@nestjs/common';
import { Event, EventType } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

export const EVENT_HANDLER_METADATA = Symbol('EVENT_HANDLER_METADATA');

/**
 * Handles one event type inside the consumer's transaction: `manager` is the transaction
 * that also records the event in the inbox, so the effect and the record commit together.
 */
export interface EventHandler<T extends EventType> {
  handle(event: Event<T>, manager: EntityManager): Promise<void>;
}

/** Marks a provider as the handler of one event type for the service it runs in. */
export const HandlesEvent = (type: EventType): ClassDecorator => SetMetadata(EVENT_HANDLER_METADATA, type);
