import { PledgeFiguresV1 } from '@crowdlink/contracts';
import { newestPerKey } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

export type NotificationPledgeStatus = 'COMMITTED' | 'CANCELLED' | 'CHARGED' | 'PAYMENT_FAILED' | 'RELEASED';

export interface PledgeChange {
  pledge: PledgeFiguresV1;
  status: NotificationPledgeStatus;
  pledgeVersion: number;
}

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
  const statuses = await applyPledges(manager, [{ pledge, status, pledgeVersion }]);
  return statuses.get(pledge.pledgeId)!;
}

/**
 * applyPledge for several changes in one statement; returns each pledge's status afterwards.
 * Of several changes to one pledge only the newest version can win, and one INSERT … ON
 * CONFLICT may touch a row once, so the newest is the one sent.
 */
export async function applyPledges(
  manager: EntityManager,
  changes: PledgeChange[],
): Promise<Map<string, NotificationPledgeStatus>> {
  const sent = newestPerKey(
    changes,
    (change) => change.pledge.pledgeId,
    (change) => change.pledgeVersion,
  );
  const rows = (await manager.query(
    `INSERT INTO notification_pledges (pledge_id, project_id, investor_id, status, pledge_version)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[])
     ON CONFLICT (pledge_id) DO UPDATE
       SET status = CASE WHEN notification_pledges.pledge_version < EXCLUDED.pledge_version
                         THEN EXCLUDED.status ELSE notification_pledges.status END,
           pledge_version = GREATEST(notification_pledges.pledge_version, EXCLUDED.pledge_version),
           updated_at = now()
     RETURNING pledge_id, status`,
    [
      sent.map((change) => change.pledge.pledgeId),
      sent.map((change) => change.pledge.projectId),
      sent.map((change) => change.pledge.investorId),
      sent.map((change) => change.status),
      sent.map((change) => change.pledgeVersion),
    ],
  )) as { pledge_id: string; status: NotificationPledgeStatus }[];
  return new Map(rows.map((row) => [row.pledge_id, row.status]));
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
