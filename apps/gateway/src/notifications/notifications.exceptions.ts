import { DomainException } from '@crowdlink/domain';

/** Also the answer for another user's notification: its existence is not the caller's business. */
export class NotificationNotFoundException extends DomainException {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'not_found', 'No such notification');
  }
}
