import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { chargeRefunded } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Tells the investor a charge their pledge did not keep was given back (their statement shows both). */
@Injectable()
@HandlesEvent('pledge.charge-refunded')
export class PledgeChargeRefundedHandler implements EventHandler<'pledge.charge-refunded'> {
  async handle(event: Event<'pledge.charge-refunded'>, manager: EntityManager): Promise<void> {
    const { refundedAmount } = event.payload;
    await notifyPledgeInvestor(manager, event.id, event.payload, (pledge) =>
      chargeRefunded({ ...pledge, refundedAmount }),
    );
  }
}
