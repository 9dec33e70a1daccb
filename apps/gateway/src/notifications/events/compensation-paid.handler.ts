import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { compensationPaid } from '../notification-texts';
import { notify } from '../notification.writer';

/** Tells the bank user what the risk-compensation pool paid on the defaulted loan. */
@Injectable()
@HandlesEvent('compensation.paid')
export class CompensationPaidHandler implements EventHandler<'compensation.paid'> {
  async handle(event: Event<'compensation.paid'>, manager: EntityManager): Promise<void> {
    await notify(manager, event.id, [event.payload.bankUserId], compensationPaid(event.payload));
  }
}
