import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyInvestorName } from '../investor-names.projection';

@Injectable()
@HandlesEvent('user.registered')
export class UserRegisteredHandler implements EventHandler<'user.registered'> {
  async handle(event: Event<'user.registered'>, manager: EntityManager): Promise<void> {
    await applyInvestorName(manager, event.payload);
  }
}
