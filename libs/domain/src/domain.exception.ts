/**
 * What went wrong, in the caller's terms. The HTTP status of each kind is decided in
 * one place (the platform's error mapper), so services never speak HTTP.
 */
export type FailureKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payment_required'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable';

/** A failure with a stable UPPER_SNAKE `code` that clients may rely on. */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly kind: FailureKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
