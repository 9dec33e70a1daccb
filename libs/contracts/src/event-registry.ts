import { ServiceName } from './services';
import { UserProfileChangedV1, UserRegisteredV1 } from './events/user.events';

type PayloadClass = new () => object;

export interface EventContract<TPayload extends PayloadClass = PayloadClass> {
  readonly version: number;
  readonly producer: ServiceName;
  /** Every service that gets its own copy of the event, in its inbox queue. */
  readonly consumers: readonly ServiceName[];
  readonly payload: TPayload;
  readonly description: string;
}

/**
 * Every event in the marketplace, with its producer and its consumers: the one routing
 * table the outbox relay reads. Type names are stored in outboxes and queues: never rename.
 */
export const EVENT_CONTRACTS = {
  'user.registered': {
    version: 1,
    producer: 'gateway',
    consumers: ['investor'],
    payload: UserRegisteredV1,
    description: 'A user account was created (self-registered or by an admin).',
  },
  'user.profile-changed': {
    version: 1,
    producer: 'gateway',
    consumers: ['investor'],
    payload: UserProfileChangedV1,
    description: "A user's public profile (display name, organisation) changed.",
  },
} as const satisfies Record<string, EventContract>;

export type EventType = keyof typeof EVENT_CONTRACTS;

export type EventPayload<T extends EventType> = InstanceType<(typeof EVENT_CONTRACTS)[T]['payload']>;

export type Event<T extends EventType = EventType> = {
  [K in T]: import('./event-envelope').EventEnvelope<K, EventPayload<K>>;
}[T];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, type);
}

export function contractOf(type: EventType): EventContract {
  return EVENT_CONTRACTS[type];
}

export function eventTypesProducedBy(service: ServiceName): EventType[] {
  return (Object.keys(EVENT_CONTRACTS) as EventType[]).filter((t) => EVENT_CONTRACTS[t].producer === service);
}

export function eventTypesConsumedBy(service: ServiceName): EventType[] {
  return (Object.keys(EVENT_CONTRACTS) as EventType[]).filter((t) =>
    (EVENT_CONTRACTS[t].consumers as readonly ServiceName[]).includes(service),
  );
}
