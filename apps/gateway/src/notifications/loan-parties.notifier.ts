import { LoanSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';
import { LoanParty } from './notification-texts';
import { NewNotification } from './notification.model';
import { notifyAll } from './notification.writer';

/**
 * Tells both parties of a loan, each in their own words. One event, two users: the unique
 * (source_event_id, user_id) keeps a redelivery from doubling either.
 */
export async function notifyLoanParties(
  manager: EntityManager,
  eventId: string,
  loan: LoanSnapshotV1,
  text: (party: LoanParty) => NewNotification,
): Promise<void> {
  await notifyAll(manager, [
    { sourceEventId: eventId, userIds: [loan.founderId], notification: text('founder') },
    { sourceEventId: eventId, userIds: [loan.bankUserId], notification: text('bank') },
  ]);
}
