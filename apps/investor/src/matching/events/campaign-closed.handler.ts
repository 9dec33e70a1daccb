import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyFunding } from '../matchable-project.projection';

/** A settled campaign (FUNDED or FAILED) is recommended no more. */
@Injectable()
@HandlesEvent('campaign.closed')
export class CampaignClosedHandler implements EventHandler<'campaign.closed'> {
  async handle(event: Event<'campaign.closed'>, manager: EntityManager): Promise<void> {
    await applyFunding(manager, event.payload, event.aggregateVersion, true);
  }
}
