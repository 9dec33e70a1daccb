import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledgeEvent } from '../investor-pledge.projection';

/** A released pledge (failed campaign, or refunded) no longer counts against the investor's limit. */
@Injectable()
@HandlesEvent('pledge.released')
export class PledgeReleasedHandler implements EventHandler<'pledge.released'> {
  async handle(event: Event<'pledge.released'>, manager: EntityManager): Promise<void> {
    await applyPledgeEvent(manager, event.payload, { status: 'RELEASED', pledgeVersion: event.aggregateVersion });
  }
}
