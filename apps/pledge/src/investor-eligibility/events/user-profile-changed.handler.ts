import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyInvestorName } from '../investor-names.projection';

@Injectable()
@HandlesEvent('user.profile-changed')
export class UserProfileChangedHandler implements EventHandler<'user.profile-changed'> {
  async handle(event: Event<'user.profile-changed'>, manager: EntityManager): Promise<void> {
    await applyInvestorName(manager, event.payload);
  }
}
