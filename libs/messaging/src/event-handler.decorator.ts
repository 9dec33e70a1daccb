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
 * A handler that applies a run of its events at once, in a few statements for the whole run
 * instead of some per event (the inbox group commit hands it consecutive events of its type;
 * a single event comes as a run of one). The run must leave exactly the state that applying
 * its events one by one, in order, leaves.
 */
export interface BatchEventHandler<T extends EventType> {
  handleAll(events: Event<T>[], manager: EntityManager): Promise<void>;
}

export type AnyEventHandler<T extends EventType> = EventHandler<T> | BatchEventHandler<T>;

export function handlesRuns<T extends EventType>(handler: AnyEventHandler<T>): handler is BatchEventHandler<T> {
  return typeof (handler as Partial<BatchEventHandler<T>>).handleAll === 'function';
}

/** Marks a provider as the handler of one event type for the service it runs in. */
export const HandlesEvent = (type: EventType): ClassDecorator => SetMetadata(EVENT_HANDLER_METADATA, type);
