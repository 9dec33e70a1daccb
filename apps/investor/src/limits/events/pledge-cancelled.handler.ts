import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledgeEvent } from '../investor-pledge.projection';

/** A cancelled pledge no longer counts against the investor's limit. */
@Injectable()
@HandlesEvent('pledge.cancelled')
export class PledgeCancelledHandler implements EventHandler<'pledge.cancelled'> {
  async handle(event: Event<'pledge.cancelled'>, manager: EntityManager): Promise<void> {
    await applyPledgeEvent(manager, event.payload, {
      status: 'CANCELLED',
      pledgeVersion: event.aggregateVersion,
      cancelledAt: event.payload.cancelledAt,
    });
  }
}
