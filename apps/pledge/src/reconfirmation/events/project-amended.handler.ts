import { Inject, Injectable } from '@nestjs/common';
import { addBusinessDays, cancellationDeadline } from '@crowdlink/compliance';
import { Event, ProjectAmendedV1 } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent, OutboxPublisher } from '@crowdlink/messaging';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../../campaigns/campaign.projection';
import { PLEDGE_FIGURES_COLUMNS, PledgeFiguresRow } from '../../pledges/pledge-cancellation';
import { figuresOf } from '../../pledges/pledge-rows';

/**
 * A material change to a live campaign (17 CFR 227.304(c)): the campaign takes the new terms
 * and every COMMITTED pledge of it is asked to reconfirm by amendedAt + the configured
 * business days, one `pledge.reconfirmation-requested` each, all in the inbox's transaction.
 * A moved deadline moves the deadline-tied right to cancel with it.
 * A pledge already asked about this amendment or a later one is not asked again (a late
 * copy of an older amendment must not move a deadline back), and a campaign no longer LIVE
 * (closing, settled) asks nobody: its pledges are being charged or released.
 * The deadline itself is kept by the sweep in ../jobs, not by a job added here: handlers do
 * database work only.
 */
@Injectable()
@HandlesEvent('project.amended')
export class ProjectAmendedHandler implements EventHandler<'project.amended'> {
  constructor(
    private readonly outbox: OutboxPublisher,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async handle(event: Event<'project.amended'>, manager: EntityManager): Promise<void> {
    const amendment = event.payload;
    await applyProjectSnapshot(manager, amendment);
    const reconfirmBy = addBusinessDays(
      new Date(amendment.amendedAt),
      this.config.RECONFIRMATION_BUSINESS_DAYS,
      amendment.jurisdiction,
    );
    const cancellableUntil = deadlineTiedCancellation(amendment);
    const [asked] = (await manager.query(
      `UPDATE pledges
          SET reconfirm_by = $3, reconfirm_project_version = $2,
              cancellable_until = CASE WHEN $4::timestamptz IS NULL OR cancellable_until IS NULL
                                       THEN cancellable_until ELSE $4::timestamptz END,
              version = version + 1, updated_at = now()
        WHERE project_id = $1 AND status = 'COMMITTED'
          AND (reconfirm_project_version IS NULL OR reconfirm_project_version < $2)
          AND EXISTS (SELECT 1 FROM campaigns WHERE project_id = $1 AND status = 'LIVE')
        RETURNING ${PLEDGE_FIGURES_COLUMNS}`,
      [
        amendment.projectId,
        amendment.projectVersion,
        reconfirmBy.toISOString(),
        cancellableUntil?.toISOString() ?? null,
      ],
    )) as [PledgeFiguresRow[], number];
    await this.outbox.publishAll(
      manager,
      'pledge.reconfirmation-requested',
      asked.map((pledge) => ({
        aggregateId: pledge.id,
        aggregateVersion: pledge.version,
        payload: { ...figuresOf(pledge), reconfirmBy: reconfirmBy.toISOString() },
      })),
    );
  }
}

/**
 * Where the right to cancel ends at a time before the deadline (US §227.304(a), CN practice:
 * 48 hours before it), a moved deadline moves it for every pledge alike; an EU reflection
 * period runs from each pledge and stays where it was (null: leave it).
 */
function deadlineTiedCancellation(amendment: ProjectAmendedV1): Date | null {
  if (amendment.jurisdiction === 'EU') return null;
  return cancellationDeadline(amendment.jurisdiction, {
    pledgedAt: new Date(amendment.amendedAt),
    closesAt: new Date(amendment.closesAt),
    sophisticated: false,
  });
}
