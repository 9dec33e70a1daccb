import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyCampaignFigures } from '../campaign-figures.projection';

@Injectable()
@HandlesEvent('campaign.progress')
export class CampaignProgressHandler implements EventHandler<'campaign.progress'> {
  async handle(event: Event<'campaign.progress'>, manager: EntityManager): Promise<void> {
    await applyCampaignFigures(manager, event);
  }
}
