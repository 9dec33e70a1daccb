import { PledgeFiguresV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

export type NotificationPledgeStatus = 'COMMITTED' | 'CANCELLED' | 'CHARGED' | 'PAYMENT_FAILED' | 'RELEASED';

/**
 * Who backs which project. Events may arrive in any order and more than once: the status
 * follows the newest pledge version seen. Returns the status held after the event.
 */
export async function applyPledge(
  manager: EntityManager,
  pledge: PledgeFiguresV1,
  status: NotificationPledgeStatus,
  pledgeVersion: number,
): Promise<NotificationPledgeStatus> {
  const rows = (await manager.query(
    `INSERT INTO notification_pledges (pledge_id, project_id, investor_id, status, pledge_version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (pledge_id) DO UPDATE
       SET status = CASE WHEN notification_pledges.pledge_version < EXCLUDED.pledge_version
                         THEN EXCLUDED.status ELSE notification_pledges.status END,
           pledge_version = GREATEST(notification_pledges.pledge_version, EXCLUDED.pledge_version),
           updated_at = now()
     RETURNING status`,
    [pledge.pledgeId, pledge.projectId, pledge.investorId, status, pledgeVersion],
  )) as { status: NotificationPledgeStatus }[];
  return rows[0]!.status;
}

/** The investors still in the project: a pledge neither cancelled nor failed at payment. */
export async function backersOf(manager: EntityManager, projectId: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT investor_id FROM notification_pledges
      WHERE project_id = $1 AND status IN ('COMMITTED', 'CHARGED', 'RELEASED')`,
    [projectId],
  )) as { investor_id: string }[];
  return rows.map((row) => row.investor_id);
}
