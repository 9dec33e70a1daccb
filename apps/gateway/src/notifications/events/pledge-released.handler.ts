import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledge } from '../notification-pledges.projection';
import { pledgeReleased } from '../notification-texts';
import { notifyPledgeInvestor } from '../pledge-investor.notifier';

/** Tells the investor the pledge was released (failed campaign) or refunded. */
@Injectable()
@HandlesEvent('pledge.released')
export class PledgeReleasedHandler implements EventHandler<'pledge.released'> {
  async handle(event: Event<'pledge.released'>, manager: EntityManager): Promise<void> {
    await applyPledge(manager, event.payload, 'RELEASED', event.aggregateVersion);
    const { reason } = event.payload;
    await notifyPledgeInvestor(manager, event.id, event.payload, (pledge) => pledgeReleased({ ...pledge, reason }));
  }
}
