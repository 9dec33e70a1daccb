import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledgeEvent } from '../investor-pledge.projection';

/** A pledge whose payment failed took nothing, so it no longer counts against the investor's limit. */
@Injectable()
@HandlesEvent('pledge.payment-failed')
export class PledgePaymentFailedHandler implements EventHandler<'pledge.payment-failed'> {
  async handle(event: Event<'pledge.payment-failed'>, manager: EntityManager): Promise<void> {
    await applyPledgeEvent(manager, event.payload, { status: 'PAYMENT_FAILED', pledgeVersion: event.aggregateVersion });
  }
}
