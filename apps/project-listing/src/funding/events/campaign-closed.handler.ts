import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { ReviewService } from '../../review/review.service';
import { applyCampaignFigures } from '../campaign-figures.projection';

/** The campaign's final totals, and the project's last transition: LIVE → FUNDED | FAILED. */
@Injectable()
@HandlesEvent('campaign.closed')
export class CampaignClosedHandler implements EventHandler<'campaign.closed'> {
  constructor(private readonly review: ReviewService) {}

  async handle(event: Event<'campaign.closed'>, manager: EntityManager): Promise<void> {
    await applyCampaignFigures(manager, event);
    await this.review.settle(manager, event.payload.projectId, event.payload.outcome);
  }
}
