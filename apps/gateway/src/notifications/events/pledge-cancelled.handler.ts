import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledge } from '../notification-pledges.projection';

/** A cancelled pledge no longer makes its investor a backer to tell about the outcome. */
@Injectable()
@HandlesEvent('pledge.cancelled')
export class PledgeCancelledHandler implements EventHandler<'pledge.cancelled'> {
  async handle(event: Event<'pledge.cancelled'>, manager: EntityManager): Promise<void> {
    await applyPledge(manager, event.payload, 'CANCELLED', event.aggregateVersion);
  }
}
