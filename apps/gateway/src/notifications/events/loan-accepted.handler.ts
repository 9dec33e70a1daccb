import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { loanAccepted } from '../notification-texts';
import { notify } from '../notification.writer';

/** Tells the bank user who made the offer that the founder accepted it. */
@Injectable()
@HandlesEvent('loan.accepted')
export class LoanAcceptedHandler implements EventHandler<'loan.accepted'> {
  async handle(event: Event<'loan.accepted'>, manager: EntityManager): Promise<void> {
    await notify(manager, event.id, [event.payload.bankUserId], loanAccepted(event.payload));
  }
}
