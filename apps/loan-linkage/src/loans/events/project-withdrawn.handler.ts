import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../../rounds/round.projection';
import { LoanTransitions } from '../loan-transitions';
import { pendingLoanIdsOf } from '../pending-loans';

/**
 * A withdrawn project's round will never close, so its offered and accepted loans lapse now
 * rather than hold their collateral for ever.
 */
@Injectable()
@HandlesEvent('project.withdrawn')
export class ProjectWithdrawnHandler implements EventHandler<'project.withdrawn'> {
  constructor(private readonly transitions: LoanTransitions) {}

  async handle({ payload }: Event<'project.withdrawn'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, payload);
    const pending = await pendingLoanIdsOf(manager, payload.projectId);
    for (const id of pending) {
      const loan = await this.transitions.lock(manager, id);
      await this.transitions.move(manager, loan, 'LAPSED', { actorId: null, reason: 'the project was withdrawn' });
    }
  }
}
