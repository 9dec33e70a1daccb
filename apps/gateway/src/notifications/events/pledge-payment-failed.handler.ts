import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledge } from '../notification-pledges.projection';
import { paymentFailed } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Tells the investor the payment failed for good and nothing was taken. */
@Injectable()
@HandlesEvent('pledge.payment-failed')
export class PledgePaymentFailedHandler implements EventHandler<'pledge.payment-failed'> {
  async handle(event: Event<'pledge.payment-failed'>, manager: EntityManager): Promise<void> {
    await applyPledge(manager, event.payload, 'PAYMENT_FAILED', event.aggregateVersion);
    const { declineCode } = event.payload;
    await notifyPledgeInvestor(manager, event.id, event.payload, (pledge) => paymentFailed({ ...pledge, declineCode }));
  }
}
