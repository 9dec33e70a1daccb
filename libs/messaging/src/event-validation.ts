import { contractOf, Event, EventType, isEventType, SERVICE_NAMES, ServiceName } from '@crowdlink/contracts';
import { isUuid } from '@crowdlink/domain';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

export type ParsedEvent = { ok: true; event: Event } | { ok: false; reason: string };

/** Checks an incoming envelope and its payload against the registry; never throws. */
export function parseEvent(raw: unknown, consumer: ServiceName): ParsedEvent {
  if (typeof raw !== 'object' || raw === null) return invalid('envelope is not an object');
  const envelope = raw as Record<string, unknown>;
  if (!isUuid(envelope.id)) return invalid('id is not a UUID');
  if (!isEventType(envelope.type)) return invalid(`unknown event type ${JSON.stringify(envelope.type)}`);
  const contract = contractOf(envelope.type);
  if (!(contract.consumers as readonly string[]).includes(consumer)) {
    return invalid(`${consumer} does not consume ${envelope.type}`);
  }
  if (envelope.version !== contract.version) {
    return invalid(
      `${envelope.type} version ${String(envelope.version)} is not supported (expected ${contract.version})`,
    );
  }
  if (typeof envelope.occurredAt !== 'string' || Number.isNaN(Date.parse(envelope.occurredAt))) {
    return invalid('occurredAt is not a timestamp');
  }
  if (!(SERVICE_NAMES as readonly unknown[]).includes(envelope.producer)) return invalid('unknown producer');
  if (!isUuid(envelope.aggregateId)) return invalid('aggregateId is not a UUID');
  if (!Number.isSafeInteger(envelope.aggregateVersion) || (envelope.aggregateVersion as number) < 1) {
    return invalid('aggregateVersion is not a positive integer');
  }
  const problems = payloadProblems(envelope.type, envelope.payload);
  if (problems) return invalid(`payload: ${problems}`);
  return { ok: true, event: envelope as unknown as Event };
}

/** Describes what is wrong with a payload for its contract, or undefined when it fits. */
export function payloadProblems(type: EventType, payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'not an object';
  const instance = plainToInstance(contractOf(type).payload, payload);
  const errors = validateSync(instance, { forbidUnknownValues: true });
  return errors.length > 0 ? describe(errors) : undefined;
}

function describe(errors: ValidationError[], parent = ''): string {
  return errors
    .map((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).join(', ');
      const nested = describe(error.children ?? [], path);
      return [own && `${path}: ${own}`, nested].filter(Boolean).join('; ');
    })
    .join('; ');
}

function invalid(reason: string): ParsedEvent {
  return { ok: false, reason };
}
