import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyFunding } from '../matchable-project.projection';

/** The amount raised so far decides the room left for a ticket. */
@Injectable()
@HandlesEvent('campaign.progress')
export class CampaignProgressHandler implements EventHandler<'campaign.progress'> {
  async handle(event: Event<'campaign.progress'>, manager: EntityManager): Promise<void> {
    await applyFunding(manager, event.payload, event.aggregateVersion, false);
  }
}
