import { ServiceName } from './services';

/**
 * What travels between services. `version` is the version of the payload's contract;
 * `aggregateVersion` is the version of the changed aggregate after the change, so that
 * projections can ignore an event older than what they already hold.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  producer: ServiceName;
  aggregateId: string;
  aggregateVersion: number;
  payload: TPayload;
}
