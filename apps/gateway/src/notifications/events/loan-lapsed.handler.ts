import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { notifyLoanParties } from '../loan-parties.notifier';
import { loanLapsed } from '../notification-texts';

/** Tells the founder and the bank user that the loan lapsed with its equity round. */
@Injectable()
@HandlesEvent('loan.lapsed')
export class LoanLapsedHandler implements EventHandler<'loan.lapsed'> {
  async handle(event: Event<'loan.lapsed'>, manager: EntityManager): Promise<void> {
    await notifyLoanParties(manager, event.id, event.payload, (party) => loanLapsed({ ...event.payload, party }));
  }
}
