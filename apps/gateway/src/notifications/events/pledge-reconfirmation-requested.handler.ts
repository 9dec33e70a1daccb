import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { reconfirmationRequested } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Asks the investor to reconfirm after a material change, and says by when (Reg CF §227.304(c)). */
@Injectable()
@HandlesEvent('pledge.reconfirmation-requested')
export class PledgeReconfirmationRequestedHandler implements EventHandler<'pledge.reconfirmation-requested'> {
  async handle(event: Event<'pledge.reconfirmation-requested'>, manager: EntityManager): Promise<void> {
    const reconfirmBy = new Date(event.payload.reconfirmBy);
    await notifyPledgeInvestor(manager, event.id, event.payload, (pledge) =>
      reconfirmationRequested({ ...pledge, reconfirmBy }),
    );
  }
}
