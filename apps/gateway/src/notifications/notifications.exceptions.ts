import { DomainException } from '@crowdlink/domain';

/** Also the answer for another user's notification: its existence is not the caller's business. */
export class NotificationNotFoundException extends DomainException {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'not_found', 'No such notification');
  }
}

export class InvalidCursorException extends DomainException {
  constructor() {
    super('INVALID_CURSOR', 'invalid', 'The cursor is not one this listing gave out; start again without it');
  }
}
