import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { matchingProjectLive } from '../notification-texts';
import { notify } from '../notification.writer';

/** Tells each matched investor that a project fitting their preferences is live. */
@Injectable()
@HandlesEvent('investor.matches-found')
export class InvestorMatchesFoundHandler implements EventHandler<'investor.matches-found'> {
  async handle(event: Event<'investor.matches-found'>, manager: EntityManager): Promise<void> {
    const { projectId, projectTitle, investorIds } = event.payload;
    await notify(manager, event.id, investorIds, matchingProjectLive({ projectId, projectTitle }));
  }
}
