import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { paymentActionRequired } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Asks the investor for a new payment method within the fix window. */
@Injectable()
@HandlesEvent('pledge.payment-action-required')
export class PledgePaymentActionRequiredHandler implements EventHandler<'pledge.payment-action-required'> {
  async handle(event: Event<'pledge.payment-action-required'>, manager: EntityManager): Promise<void> {
    const { declineCode, fixBy } = event.payload;
    await notifyPledgeInvestor(manager, event.id, event.payload, (pledge) =>
      paymentActionRequired({ ...pledge, declineCode, fixBy: new Date(fixBy) }),
    );
  }
}
