import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { notifyLoanParties } from '../loan-parties.notifier';
import { loanDisbursed } from '../notification-texts';

/** Tells the founder and the bank user that the loan was paid out. */
@Injectable()
@HandlesEvent('loan.disbursed')
export class LoanDisbursedHandler implements EventHandler<'loan.disbursed'> {
  async handle(event: Event<'loan.disbursed'>, manager: EntityManager): Promise<void> {
    await notifyLoanParties(manager, event.id, event.payload, (party) => loanDisbursed({ ...event.payload, party }));
  }
}
