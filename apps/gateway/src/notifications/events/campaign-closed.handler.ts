import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { backersOf } from '../notification-pledges.projection';
import { knownProjectOf, recordClose } from '../notification-projects.projection';
import { campaignClosed } from '../notification-texts';
import { notifyAll } from '../notification.writer';

/**
 * Tells the founder and every investor still backing the project how the campaign ended,
 * and remembers the outcome for a backer whose pledge event is handled after this one.
 */
@Injectable()
@HandlesEvent('campaign.closed')
export class CampaignClosedHandler implements EventHandler<'campaign.closed'> {
  async handle(event: Event<'campaign.closed'>, manager: EntityManager): Promise<void> {
    const { projectId, outcome, raised, currency } = event.payload;
    const project = await knownProjectOf(manager, projectId, { forUpdate: true });
    await recordClose(manager, projectId, { eventId: event.id, outcome, raised, currency });
    const figures = { projectId, projectTitle: project.title, outcome, raised, currency };
    const backers = (await backersOf(manager, projectId)).filter((id) => id !== project.ownerId);
    await notifyAll(manager, [
      {
        sourceEventId: event.id,
        userIds: [project.ownerId],
        notification: campaignClosed({ ...figures, audience: 'owner' }),
      },
      { sourceEventId: event.id, userIds: backers, notification: campaignClosed({ ...figures, audience: 'backer' }) },
    ]);
  }
}
