import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ProviderChargeConfirmation } from '../../settlement/provider-charge-confirmation';
import { StripeWebhookReceiptDto } from './dto/stripe-webhook-receipt.dto';
import { StripeWebhookVerifier } from './stripe-webhook.verifier';
import { StripeWebhookEvent } from './stripe-webhook-event';

/**
 * charge_confirmed: the PaymentIntent of a pledge that awaits the investor's action
 *   (PAYMENT_ACTION_REQUIRED) succeeded: the investor completed authentication; CHARGED.
 * orphan_refunded: a PaymentIntent that succeeded for a pledge that does not keep it (an older
 *   attempt, a pledge charged, failed or cancelled meanwhile): refunded at once.
 * recorded: kept for audit (failed payments, refunds, disputes, and the echo of a charge
 *   the settlement already saw succeed).
 * ignored: a type the endpoint does not act on; acknowledged so Stripe stops sending it.
 */
export type StripeWebhookEffect = 'charge_confirmed' | 'orphan_refunded' | 'recorded' | 'ignored';

const AUDITED_TYPES: ReadonlySet<string> = new Set([
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'charge.dispute.created',
]);

/**
 * Takes Stripe's webhook events. Stripe delivers at least once (and retries for days), so
 * the event id is claimed in `stripe_webhook_events` first, in the same transaction as the
 * event's effect: a redelivery, even one racing the first, waits on the primary key, then
 * finds it and has no effect. An effect that fails (a charge still being decided: 409) rolls
 * the claim back, so Stripe's next delivery is acted on.
 */
@Injectable()
export class StripeWebhookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly verifier: StripeWebhookVerifier,
    private readonly charges: ProviderChargeConfirmation,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<StripeWebhookReceiptDto> {
    const event = this.verifier.verify(rawBody, signature);
    const payload = (rawBody ?? Buffer.alloc(0)).toString('utf8');
    const pledgeId = pledgeIdOf(event);
    const { duplicate, chargedProjectId } = await this.dataSource.transaction(async (manager) => {
      if (!(await this.claim(manager, event, pledgeId, payload))) return { duplicate: true };
      if (event.type !== 'payment_intent.succeeded' || pledgeId === null) return { duplicate: false };
      const confirmed = await this.charges.confirm(
        manager,
        { pledgeId, chargeRef: event.object.id, amount: event.object.amount!, currency: event.object.currency! },
        this.clock.now(),
      );
      if (confirmed.effect === 'none') return { duplicate: false };
      const effect: StripeWebhookEffect = confirmed.effect === 'charged' ? 'charge_confirmed' : 'orphan_refunded';
      await manager.query(`UPDATE stripe_webhook_events SET effect = $2 WHERE event_id = $1`, [event.id, effect]);
      return { duplicate: false, chargedProjectId: confirmed.effect === 'charged' ? confirmed.projectId : undefined };
    });
    if (chargedProjectId !== undefined) await this.charges.advanceSettlement(chargedProjectId);
    return { received: true, duplicate };
  }

  /** False when the event was taken before. */
  private async claim(
    manager: EntityManager,
    event: StripeWebhookEvent,
    pledgeId: string | null,
    payload: string,
  ): Promise<boolean> {
    const claimed = (await manager.query(
      `INSERT INTO stripe_webhook_events (event_id, type, object_id, pledge_id, effect, livemode, stripe_created_at,
                                          payload, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), $8::jsonb, $9)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        event.id,
        event.type,
        event.object.id,
        pledgeId,
        AUDITED_TYPES.has(event.type) ? 'recorded' : 'ignored',
        event.livemode,
        event.created,
        payload,
        this.clock.now().toISOString(),
      ],
    )) as { event_id: string }[];
    return claimed.length > 0;
  }
}

/** The pledge a PaymentIntent (or its charge, which copies the metadata) was made for. */
function pledgeIdOf(event: StripeWebhookEvent): string | null {
  const pledgeId = event.object.metadata.pledgeId;
  return typeof pledgeId === 'string' && isUUID(pledgeId) ? pledgeId : null;
}
