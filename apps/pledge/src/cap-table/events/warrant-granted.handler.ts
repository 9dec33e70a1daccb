import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

/** A warrant loan's option on the company, shown on the project's cap table; one row per loan. */
@Injectable()
@HandlesEvent('warrant.granted')
export class WarrantGrantedHandler implements EventHandler<'warrant.granted'> {
  async handle(event: Event<'warrant.granted'>, manager: EntityManager): Promise<void> {
    const { loanId, projectId, holder, holderOrganizationId, equityBps, grantedAt } = event.payload;
    await manager.query(
      `INSERT INTO warrant_options (id, loan_id, project_id, holder, holder_organization_id, equity_bps, granted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (loan_id) DO NOTHING`,
      [newId(), loanId, projectId, holder, holderOrganizationId, equityBps, grantedAt],
    );
  }
}
