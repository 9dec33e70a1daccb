import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyInvestorEligibility } from '../investor-eligibility.projection';

@Injectable()
@HandlesEvent('investor.eligibility-changed')
export class InvestorEligibilityChangedHandler implements EventHandler<'investor.eligibility-changed'> {
  async handle(event: Event<'investor.eligibility-changed'>, manager: EntityManager): Promise<void> {
    await applyInvestorEligibility(manager, event.payload);
  }
}
