import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { loanOffered } from '../notification-texts';
import { notify } from '../notification.writer';

/** Tells the founder a bank offered a loan against the project's IP. */
@Injectable()
@HandlesEvent('loan.offered')
export class LoanOfferedHandler implements EventHandler<'loan.offered'> {
  async handle(event: Event<'loan.offered'>, manager: EntityManager): Promise<void> {
    await notify(manager, event.id, [event.payload.founderId], loanOffered(event.payload));
  }
}
