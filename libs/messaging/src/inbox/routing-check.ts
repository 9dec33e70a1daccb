import { EVENT_CONTRACTS, eventTypesConsumedBy, EventType, ServiceName } from '@crowdlink/contracts';

export class EventRoutingError extends Error {}

/** Every event type in the registry has at least one consumer to be routed to. */
export function checkRoutes(): void {
  const unrouted = (Object.keys(EVENT_CONTRACTS) as EventType[]).filter(
    (type) => (EVENT_CONTRACTS[type].consumers as readonly ServiceName[]).length === 0,
  );
  if (unrouted.length > 0) throw new EventRoutingError(`Events with no consumer to route to: ${unrouted.join(', ')}`);
}

/**
 * A service handles exactly the events the registry routes to it: one handler for each,
 * none for events it is not routed, never two for one type.
 */
export function checkHandlers(service: ServiceName, handlers: { type: EventType; name: string }[]): void {
  checkRoutes();
  const problems: string[] = [];
  const expected = eventTypesConsumedBy(service);
  for (const type of expected) {
    const matching = handlers.filter((handler) => handler.type === type);
    if (matching.length === 0) problems.push(`no handler for ${type}`);
    if (matching.length > 1)
      problems.push(`${type} has ${matching.length} handlers: ${matching.map((h) => h.name).join(', ')}`);
  }
  for (const handler of handlers) {
    if (!expected.includes(handler.type)) {
      problems.push(`${handler.name} handles ${handler.type}, which the registry does not route to ${service}`);
    }
  }
  if (problems.length > 0) throw new EventRoutingError(`${service} event wiring is broken: ${problems.join('; ')}`);
}
