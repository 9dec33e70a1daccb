import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledgeEvent } from '../investor-pledge.projection';

/** A committed pledge counts against the investor's limit from its commit time. */
@Injectable()
@HandlesEvent('pledge.committed')
export class PledgeCommittedHandler implements EventHandler<'pledge.committed'> {
  async handle(event: Event<'pledge.committed'>, manager: EntityManager): Promise<void> {
    await applyPledgeEvent(manager, event.payload, {
      status: 'COMMITTED',
      pledgeVersion: event.aggregateVersion,
      committedAt: event.payload.committedAt,
    });
  }
}
