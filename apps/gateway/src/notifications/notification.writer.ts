import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { NewNotification } from './notification.model';

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
  const users = [...new Set(userIds)];
  if (users.length === 0) return 0;
  const inserted = (await manager.query(
    `INSERT INTO notifications (id, user_id, type, title, body, data, source_event_id)
     SELECT recipient.id, recipient.user_id, $3, $4, $5, $6::jsonb, $7
       FROM unnest($1::uuid[], $2::uuid[]) AS recipient (id, user_id)
     ON CONFLICT (source_event_id, user_id) DO NOTHING
     RETURNING id`,
    [
      users.map(() => newId()),
      users,
      notification.type,
      notification.title,
      notification.body,
      JSON.stringify(notification.data),
      sourceEventId,
    ],
  )) as unknown[];
  return inserted.length;
}
