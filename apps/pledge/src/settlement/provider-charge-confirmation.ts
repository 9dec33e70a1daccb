import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@crowdlink/platform';
import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { OrphanCharges } from './orphan-charges';
import { PledgeTransitions } from './pledge-transitions';
import { judgeProviderCharge, ProviderCharge } from './provider-charge-verdict';
import { ChargeAttemptInFlightException } from './settlement.exceptions';
import { SettlementProgress } from './settlement-progress';
import { SETTLING_PLEDGE_COLUMNS, SettlingPledgeRow } from './settling-pledge';

export type ProviderChargeEffect =
  { effect: 'charged'; projectId: string } | { effect: 'orphan_refunded' } | { effect: 'none' };

/**
 * A charge the provider reports outside the settlement's own calls: the investor completed
 * authentication (3DS) of an off-session charge that was soft-declined. Left alone, the fix
 * window would fail a pledge whose money the provider holds; counted blindly, an older
 * attempt's charge would be counted twice. See judgeProviderCharge for the cases.
 */
@Injectable()
export class ProviderChargeConfirmation {
  constructor(
    private readonly transitions: PledgeTransitions,
    private readonly orphans: OrphanCharges,
    private readonly progress: SettlementProgress,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * In the caller's transaction (the webhook's event claim), under the pledge's lock, so the
   * collector, the fix window's end and a redelivery each wait and then see the outcome. An
   * orphan's refund is called inside it: a crash rolls the claim back, Stripe delivers again,
   * and the deterministic key gives the first refund.
   */
  async confirm(manager: EntityManager, charge: ProviderCharge, at: Date): Promise<ProviderChargeEffect> {
    const [pledge] = (await manager.query(`SELECT ${SETTLING_PLEDGE_COLUMNS} FROM pledges WHERE id = $1 FOR UPDATE`, [
      charge.pledgeId,
    ])) as SettlingPledgeRow[];
    const alreadyRefunded = await this.orphans.isRefunded(manager, charge.chargeRef);
    switch (judgeProviderCharge(pledge, charge, { alreadyRefunded })) {
      case 'confirm':
        await this.transitions.charge(manager, pledge, charge.chargeRef, at);
        return { effect: 'charged', projectId: pledge.project_id };
      case 'orphan': {
        const orphan = { ...charge, projectId: pledge.project_id, currency: charge.currency.toUpperCase() };
        await this.orphans.record(manager, orphan, await this.orphans.refund(orphan), pledge);
        return { effect: 'orphan_refunded' };
      }
      case 'in_flight':
        throw new ChargeAttemptInFlightException(charge.pledgeId);
      default:
        return { effect: 'none' };
    }
  }

  /**
   * After the caller's commit: the confirmed charge may be the last the settlement waited for.
   * A failure here (the payout's transfer, say) is the sweep's to retry, not Stripe's.
   */
  async advanceSettlement(projectId: string): Promise<void> {
    await this.progress.advance(projectId).catch((error: Error) => {
      this.logger.warn({ projectId, reason: error.message }, 'settlement not moved on after a confirmed charge');
    });
  }
}
