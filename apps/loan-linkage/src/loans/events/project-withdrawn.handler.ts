import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../../rounds/round.projection';
import { LoanTransitions } from '../loan-transitions';

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
    const pending = (await manager.query(
      `SELECT id FROM loans WHERE project_id = $1 AND status IN ('OFFERED', 'ACCEPTED') ORDER BY id`,
      [payload.projectId],
    )) as { id: string }[];
    for (const { id } of pending) {
      const loan = await this.transitions.lock(manager, id);
      await this.transitions.move(manager, loan, 'LAPSED', { actorId: null, reason: 'the project was withdrawn' });
    }
  }
}
