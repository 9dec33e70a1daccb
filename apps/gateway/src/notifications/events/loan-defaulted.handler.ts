import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { notifyLoanParties } from '../loan-parties.notifier';
import { loanDefaulted } from '../notification-texts';

/** Tells the founder and the bank user that the loan is in default. */
@Injectable()
@HandlesEvent('loan.defaulted')
export class LoanDefaultedHandler implements EventHandler<'loan.defaulted'> {
  async handle(event: Event<'loan.defaulted'>, manager: EntityManager): Promise<void> {
    await notifyLoanParties(manager, event.id, event.payload, (party) => loanDefaulted({ ...event.payload, party }));
  }
}
