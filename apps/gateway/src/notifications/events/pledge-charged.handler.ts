import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledge } from '../notification-pledges.projection';
import { pledgeCharged } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Tells the investor the pledge was charged at the close. */
@Injectable()
@HandlesEvent('pledge.charged')
export class PledgeChargedHandler implements EventHandler<'pledge.charged'> {
  async handle(event: Event<'pledge.charged'>, manager: EntityManager): Promise<void> {
    await applyPledge(manager, event.payload, 'CHARGED', event.aggregateVersion);
    await notifyPledgeInvestor(manager, event.id, event.payload, pledgeCharged);
  }
}
