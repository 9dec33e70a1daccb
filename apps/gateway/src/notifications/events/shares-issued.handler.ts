import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { knownProjectOf } from '../notification-projects.projection';
import { sharesIssued } from '../notification-texts';
import { notifyAll } from '../notification.writer';

/** Tells each new shareholder how many shares of which class they now hold. */
@Injectable()
@HandlesEvent('shares.issued')
export class SharesIssuedHandler implements EventHandler<'shares.issued'> {
  async handle(event: Event<'shares.issued'>, manager: EntityManager): Promise<void> {
    const { projectId, shareClass, currency, holdings } = event.payload;
    const project = await knownProjectOf(manager, projectId);
    // one holding per investor and class, so one notification per holder under the event's id
    await notifyAll(
      manager,
      holdings.map(({ investorId, shares, amount }) => ({
        sourceEventId: event.id,
        userIds: [investorId],
        notification: sharesIssued({ projectId, projectTitle: project.title, shareClass, shares, amount, currency }),
      })),
    );
  }
}
