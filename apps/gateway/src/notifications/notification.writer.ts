import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { NewNotification } from './notification.model';

/** One event's notification and whom it goes to. */
export interface Announcement {
  sourceEventId: string;
  userIds: readonly string[];
  notification: NewNotification;
}

/**
 * Writes one notification per user for one event, in the handler's transaction. The unique
 * (source_event_id, user_id) makes a second delivery of the event a no-op even after its
 * inbox row is gone. Returns how many were new.
 */
export async function notify(
  manager: EntityManager,
  sourceEventId: string,
  userIds: readonly string[],
  notification: NewNotification,
): Promise<number> {
  return notifyAll(manager, [{ sourceEventId, userIds, notification }]);
}

/** notify for several events in one statement (a run of events handled together). */
export async function notifyAll(manager: EntityManager, announcements: Announcement[]): Promise<number> {
  const rows = announcements.flatMap(({ sourceEventId, userIds, notification }) =>
    [...new Set(userIds)].map((userId) => ({ sourceEventId, userId, notification })),
  );
  if (rows.length === 0) return 0;
  const inserted = (await manager.query(
    `INSERT INTO notifications (id, user_id, type, title, body, data, source_event_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::uuid[])
     ON CONFLICT (source_event_id, user_id) DO NOTHING
     RETURNING id`,
    [
      rows.map(() => newId()),
      rows.map((row) => row.userId),
      rows.map((row) => row.notification.type),
      rows.map((row) => row.notification.title),
      rows.map((row) => row.notification.body),
      rows.map((row) => JSON.stringify(row.notification.data)),
      rows.map((row) => row.sourceEventId),
    ],
  )) as unknown[];
  return inserted.length;
}
