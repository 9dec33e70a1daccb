import { Injectable } from '@nestjs/common';
import { PledgeReleasedV1 } from '@crowdlink/contracts';
import { NewEvent, OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { Journal } from '../ledger/journal';
import { InvestorLimitGuard } from '../pledges/investor-limit.guard';
import { figuresOf } from '../pledges/pledge-rows';
import { COLLECTING_STATUSES, SETTLING_PLEDGE_COLUMNS, SettlingPledgeRow } from './settling-pledge';

type ReleaseReason = PledgeReleasedV1['reason'];

/**
 * Every move of a pledge during a settlement, each in the caller's transaction: one
 * conditional UPDATE (a retried or concurrent move finds nothing to do), its journal entry,
 * its event, and the investor's 12-month usage given back when the pledge stops counting.
 */
@Injectable()
export class PledgeTransitions {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly journal: Journal,
    private readonly investorLimit: InvestorLimitGuard,
  ) {}

  /** The pledge, locked, if `attempt` is its current charge attempt and still undecided. */
  async lockUndecided(
    manager: EntityManager,
    pledgeId: string,
    attempt: number,
  ): Promise<SettlingPledgeRow | undefined> {
    const [pledge] = (await manager.query(
      `SELECT ${SETTLING_PLEDGE_COLUMNS} FROM pledges
        WHERE id = $1 AND charge_attempt = $2 AND decided_attempt IS DISTINCT FROM $2 AND status = ANY($3)
        FOR UPDATE`,
      [pledgeId, attempt, COLLECTING_STATUSES],
    )) as SettlingPledgeRow[];
    return pledge;
  }

  async charge(manager: EntityManager, pledge: SettlingPledgeRow, chargeRef: string, at: Date): Promise<void> {
    const moved = await this.decide(manager, pledge, {
      set: `status = 'CHARGED', charge_ref = $3, charged_at = $4, decline_code = NULL`,
      params: [chargeRef, at.toISOString()],
    });
    const amount = Number(moved.amount);
    await this.journal.recordCharge(manager, {
      pledgeId: moved.id,
      projectId: moved.project_id,
      currency: moved.currency,
      amount,
      at,
    });
    await this.outbox.publish(manager, 'pledge.charged', {
      aggregateId: moved.id,
      aggregateVersion: moved.version,
      payload: { ...figuresOf(moved), chargedAt: at.toISOString() },
    });
  }

  /** A soft decline; `fixBy` is the window's end as decideCharge gave it. */
  async requireAction(
    manager: EntityManager,
    pledge: SettlingPledgeRow,
    declineCode: string,
    fixBy: Date,
  ): Promise<void> {
    const moved = await this.decide(manager, pledge, {
      set: `status = 'PAYMENT_ACTION_REQUIRED', decline_code = $3, fix_by = $4`,
      params: [declineCode, fixBy.toISOString()],
    });
    await this.outbox.publish(manager, 'pledge.payment-action-required', {
      aggregateId: moved.id,
      aggregateVersion: moved.version,
      payload: { ...figuresOf(moved), declineCode, fixBy: fixBy.toISOString() },
    });
  }

  async fail(manager: EntityManager, pledge: SettlingPledgeRow, declineCode: string, at: Date): Promise<void> {
    const moved = await this.decide(manager, pledge, {
      set: `status = 'PAYMENT_FAILED', decline_code = $3`,
      params: [declineCode],
    });
    await this.failed(manager, moved, declineCode, at);
  }

  /** The fix window ended with no charge attempt in flight: PAYMENT_FAILED. */
  async expire(manager: EntityManager, pledgeId: string, now: Date): Promise<boolean> {
    const [moved] = (await manager.query(
      `UPDATE pledges SET status = 'PAYMENT_FAILED', version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'PAYMENT_ACTION_REQUIRED' AND decided_attempt = charge_attempt AND fix_by <= $2
        RETURNING ${SETTLING_PLEDGE_COLUMNS}, decline_code`,
      [pledgeId, now.toISOString()],
    )) as [(SettlingPledgeRow & { decline_code: string })[], number];
    if (!moved[0]) return false;
    await this.failed(manager, moved[0], moved[0].decline_code, now);
    return true;
  }

  /** The campaign failed before anything was charged: every COMMITTED pledge is released. */
  async releaseUncharged(manager: EntityManager, projectId: string, at: Date): Promise<void> {
    const [released] = (await manager.query(
      `UPDATE pledges SET status = 'RELEASED', version = version + 1, updated_at = now()
        WHERE project_id = $1 AND status = 'COMMITTED'
        RETURNING ${SETTLING_PLEDGE_COLUMNS}`,
      [projectId],
    )) as [SettlingPledgeRow[], number];
    await this.outbox.publishAll(
      manager,
      'pledge.released',
      released.map((pledge) => releasedEvent(pledge, 'CAMPAIGN_FAILED', at)),
    );
    await this.stopCounting(manager, released, at);
  }

  /** After the provider refunded the pledge's charge. */
  async refund(manager: EntityManager, pledgeId: string, refundRef: string, at: Date): Promise<void> {
    const [moved] = (await manager.query(
      `UPDATE pledges SET status = 'RELEASED', refund_ref = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'CHARGED'
        RETURNING ${SETTLING_PLEDGE_COLUMNS}`,
      [pledgeId, refundRef],
    )) as [SettlingPledgeRow[], number];
    const pledge = moved[0];
    if (!pledge) return;
    const movement = {
      pledgeId,
      projectId: pledge.project_id,
      currency: pledge.currency,
      amount: Number(pledge.amount),
      at,
    };
    await this.journal.recordRefund(manager, movement);
    await this.released(manager, pledge, 'REFUNDED', at);
  }

  private async decide(
    manager: EntityManager,
    pledge: SettlingPledgeRow,
    change: { set: string; params: unknown[] },
  ): Promise<SettlingPledgeRow> {
    const [moved] = (await manager.query(
      `UPDATE pledges SET ${change.set}, decided_attempt = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND charge_attempt = $2
        RETURNING ${SETTLING_PLEDGE_COLUMNS}`,
      [pledge.id, pledge.charge_attempt, ...change.params],
    )) as [SettlingPledgeRow[], number];
    return moved[0];
  }

  private async failed(
    manager: EntityManager,
    pledge: SettlingPledgeRow,
    declineCode: string,
    at: Date,
  ): Promise<void> {
    await this.outbox.publish(manager, 'pledge.payment-failed', {
      aggregateId: pledge.id,
      aggregateVersion: pledge.version,
      payload: { ...figuresOf(pledge), declineCode, failedAt: at.toISOString() },
    });
    await this.stopCounting(manager, [pledge], at);
  }

  private async released(
    manager: EntityManager,
    pledge: SettlingPledgeRow,
    reason: ReleaseReason,
    at: Date,
  ): Promise<void> {
    await this.outbox.publish(manager, 'pledge.released', releasedEvent(pledge, reason, at));
    await this.stopCounting(manager, [pledge], at);
  }

  /** Only US pledges count against a limit here (17 CFR 227.100(a)(2)), as at the pledge. */
  private async stopCounting(manager: EntityManager, pledges: SettlingPledgeRow[], at: Date): Promise<void> {
    const counted = pledges.filter((pledge) => pledge.jurisdiction === 'US');
    await this.investorLimit.recount(
      manager,
      counted.map((pledge) => pledge.investor_id),
      at,
    );
  }
}

function releasedEvent(pledge: SettlingPledgeRow, reason: ReleaseReason, at: Date): NewEvent<'pledge.released'> {
  return {
    aggregateId: pledge.id,
    aggregateVersion: pledge.version,
    payload: { ...figuresOf(pledge), reason, releasedAt: at.toISOString() },
  };
}
