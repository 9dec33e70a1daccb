import { DomainException } from '@crowdlink/domain';

/** api.md: an `Idempotency-Key` is any string of 1 to 255 characters. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export class InvalidIdempotencyKeyException extends DomainException {
  constructor() {
    super('INVALID_IDEMPOTENCY_KEY', 'invalid', `An Idempotency-Key is 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  }
}

export class IdempotencyKeyReusedException extends DomainException {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'unprocessable', 'This Idempotency-Key was used with another request');
  }
}

export function assertIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw new InvalidIdempotencyKeyException();
}
