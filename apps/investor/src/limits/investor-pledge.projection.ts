import { PledgeFiguresV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/** CANCELLED, PAYMENT_FAILED and RELEASED all end a pledge: it no longer counts. */
export type InvestorPledgeStatus = 'COMMITTED' | 'CANCELLED' | 'PAYMENT_FAILED' | 'RELEASED';

/** The pledge statuses that count against an investor's rolling 12-month limit. */
export const COUNTED_PLEDGE_STATUSES = ['COMMITTED', 'CHARGED'] as const;

/**
 * Keeps the investor service's copy of a pledge. Events may arrive in any order and more
 * than once: the status follows the newest pledge version seen (a cancellation that arrives
 * before its commit still ends CANCELLED), while the commit and cancel times are filled in
 * by whichever event carries them, whenever it arrives.
 */
export async function applyPledgeEvent(
  manager: EntityManager,
  pledge: PledgeFiguresV1,
  change: { status: InvestorPledgeStatus; pledgeVersion: number; committedAt?: string; cancelledAt?: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO investor_pledges (pledge_id, investor_id, project_id, jurisdiction, currency, amount, status,
                                   pledge_version, committed_at, cancelled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (pledge_id) DO UPDATE
       SET status = CASE WHEN investor_pledges.pledge_version < EXCLUDED.pledge_version
                         THEN EXCLUDED.status ELSE investor_pledges.status END,
           amount = CASE WHEN investor_pledges.pledge_version < EXCLUDED.pledge_version
                         THEN EXCLUDED.amount ELSE investor_pledges.amount END,
           pledge_version = GREATEST(investor_pledges.pledge_version, EXCLUDED.pledge_version),
           committed_at = COALESCE(investor_pledges.committed_at, EXCLUDED.committed_at),
           cancelled_at = COALESCE(investor_pledges.cancelled_at, EXCLUDED.cancelled_at),
           updated_at = now()`,
    [
      pledge.pledgeId,
      pledge.investorId,
      pledge.projectId,
      pledge.jurisdiction,
      pledge.currency,
      pledge.amount,
      change.status,
      change.pledgeVersion,
      change.committedAt ?? null,
      change.cancelledAt ?? null,
    ],
  );
}
