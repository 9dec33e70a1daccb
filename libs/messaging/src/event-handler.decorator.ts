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

/**
 * A handler that can also apply a run of its events at once, in a few statements for the
 * whole run instead of some per event (the inbox group commit hands it consecutive events of
 * its type). It must leave exactly the state that `handle` on each event, in order, leaves.
 */
export interface BatchEventHandler<T extends EventType> extends EventHandler<T> {
  handleAll(events: Event<T>[], manager: EntityManager): Promise<void>;
}

export function handlesRuns<T extends EventType>(handler: EventHandler<T>): handler is BatchEventHandler<T> {
  return typeof (handler as Partial<BatchEventHandler<T>>).handleAll === 'function';
}

/** Marks a provider as the handler of one event type for the service it runs in. */
export const HandlesEvent = (type: EventType): ClassDecorator => SetMetadata(EVENT_HANDLER_METADATA, type);
