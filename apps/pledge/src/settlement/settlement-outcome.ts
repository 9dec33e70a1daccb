import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CapTable } from '../cap-table/cap-table';
import { Journal } from '../ledger/journal';
import { platformFeeOf } from '../ledger/platform-fee';
import { CampaignClosed, NOTHING_RAISED } from './campaign-closed';
import { COLLECTING_STATUSES } from './settling-pledge';

interface SettlingCampaignRow {
  status: string;
  funding_model: 'ALL_OR_NOTHING' | 'KEEP_IT_ALL';
  target_amount: string;
  currency: string;
  outcome: 'FUNDED' | 'FAILED' | null;
}

/**
 * Decides a settlement's outcome once no pledge is still being collected (domain-rules.md
 * §2), under the campaign row's lock, so two workers finishing the last two charges decide
 * once. FUNDED is final at once: the settlement entry (escrow → startup + platform fee), the
 * shares and `campaign.closed` commit together. FAILED is recorded first and finished by
 * FailedSettlement once every charge is refunded.
 */
@Injectable()
export class SettlementOutcome {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly journal: Journal,
    private readonly capTable: CapTable,
    private readonly closed: CampaignClosed,
  ) {}

  async decide(projectId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockSettling(manager, projectId);
      if (!campaign || campaign.outcome !== null) return;
      if (await this.stillCollecting(manager, projectId)) return;

      const now = this.clock.now();
      const charged = await this.chargedOf(manager, projectId);
      const funded =
        charged.raised > 0 &&
        (campaign.funding_model === 'KEEP_IT_ALL' || charged.raised >= Number(campaign.target_amount));
      if (!funded) {
        await manager.query(
          `UPDATE settlements SET outcome = 'FAILED', decided_at = $2, updated_at = now() WHERE project_id = $1`,
          [projectId, now.toISOString()],
        );
        return;
      }
      const platformFee = platformFeeOf(charged.raised, this.config.PLATFORM_FEE_BPS);
      const payout = charged.raised - platformFee;
      await this.journal.recordSettlement(manager, {
        projectId,
        currency: campaign.currency,
        raised: charged.raised,
        platformFee,
        at: now,
      });
      await this.capTable.issueShares(manager, projectId, now);
      await manager.query(
        `UPDATE settlements SET outcome = 'FUNDED', decided_at = $2, raised = $3, charged_count = $4,
                                investor_count = $5, platform_fee = $6, payout_amount = $7, payout_status = 'PENDING',
                                updated_at = now()
          WHERE project_id = $1`,
        [projectId, now.toISOString(), charged.raised, charged.pledgeCount, charged.investorCount, platformFee, payout],
      );
      await this.closed.finish(manager, projectId, 'FUNDED', { ...charged, platformFee, payout }, now);
    });
  }

  /** A FAILED settlement ends once nothing is held for it: no pledge collecting or charged. */
  async finishFailed(projectId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockSettling(manager, projectId);
      if (campaign?.outcome !== 'FAILED') return;
      const [{ held }] = (await manager.query(
        `SELECT count(*)::int AS held FROM pledges WHERE project_id = $1 AND status = ANY($2)`,
        [projectId, [...COLLECTING_STATUSES, 'CHARGED']],
      )) as { held: number }[];
      if (held === 0) await this.closed.finish(manager, projectId, 'FAILED', NOTHING_RAISED, this.clock.now());
    });
  }

  private async lockSettling(manager: EntityManager, projectId: string): Promise<SettlingCampaignRow | undefined> {
    const [campaign] = (await manager.query(
      `SELECT c.status, c.funding_model, c.target_amount::text AS target_amount, trim(c.currency) AS currency, s.outcome
         FROM campaigns c JOIN settlements s USING (project_id)
        WHERE c.project_id = $1 AND c.status = 'SETTLING'
          FOR UPDATE OF c`,
      [projectId],
    )) as SettlingCampaignRow[];
    return campaign;
  }

  private async stillCollecting(manager: EntityManager, projectId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM pledges WHERE project_id = $1 AND status = ANY($2) LIMIT 1`, [
      projectId,
      COLLECTING_STATUSES,
    ])) as unknown[];
    return rows.length > 0;
  }

  private async chargedOf(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ raised: number; pledgeCount: number; investorCount: number }> {
    const [row] = (await manager.query(
      `SELECT coalesce(sum(amount), 0)::text AS raised, count(*)::int AS "pledgeCount",
              count(DISTINCT investor_id)::int AS "investorCount"
         FROM pledges WHERE project_id = $1 AND status = 'CHARGED'`,
      [projectId],
    )) as { raised: string; pledgeCount: number; investorCount: number }[];
    return { raised: Number(row.raised), pledgeCount: row.pledgeCount, investorCount: row.investorCount };
  }
}
