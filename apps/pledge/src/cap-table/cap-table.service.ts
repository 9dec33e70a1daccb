import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { DataSource } from 'typeorm';
import { assertOwnerOrAdmin } from '../campaigns/campaign-owner';
import { CapTableDto, CapTableHolderDto, CapTableOptionDto } from './dto/cap-table.dto';

interface CampaignTermsRow {
  owner_id: string | null;
  currency: string;
  share_class: string | null;
  price_per_share: string | null;
  pre_money_valuation: string | null;
}

interface HolderRow {
  investor_id: string;
  display_name: string | null;
  shares: string;
  amount_invested: string;
}

interface OptionRow {
  loan_id: string;
  holder: string;
  equity_bps: number;
}

const BPS_PER_PERCENT = 100;

/** A project's cap table: its investors' holdings and the options granted by warrant loans. */
@Injectable()
export class CapTableService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async view(user: AuthenticatedUser, projectId: string): Promise<CapTableDto> {
    const [campaign] = (await this.dataSource.query(
      `SELECT snapshot->>'ownerId' AS owner_id, trim(currency) AS currency, share_class,
              price_per_share::text AS price_per_share,
              snapshot->'equity'->>'preMoneyValuation' AS pre_money_valuation
         FROM campaigns WHERE project_id = $1`,
      [projectId],
    )) as CampaignTermsRow[];
    assertOwnerOrAdmin(user, projectId, campaign);

    const holders = await this.holdersOf(projectId);
    const totalShares = holders.reduce((sum, holder) => sum + holder.shares, 0);
    const raised = holders.reduce((sum, holder) => sum + holder.amount, 0);
    const preMoneyValuation = campaign.pre_money_valuation === null ? null : Number(campaign.pre_money_valuation);
    return {
      projectId,
      shareClass: campaign.share_class,
      pricePerShare: campaign.price_per_share === null ? null : Number(campaign.price_per_share),
      currency: campaign.currency,
      holders,
      options: await this.optionsOf(projectId),
      totalShares,
      raised,
      preMoneyValuation,
      postMoneyValuation: preMoneyValuation === null ? null : preMoneyValuation + raised,
    };
  }

  /** displayName is the investor's account name (null until the gateway's user event arrived). */
  private async holdersOf(projectId: string): Promise<CapTableHolderDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT h.investor_id, n.display_name, h.shares::text AS shares, h.amount_invested::text AS amount_invested
         FROM holdings h LEFT JOIN investor_names n ON n.user_id = h.investor_id
        WHERE h.project_id = $1 ORDER BY h.shares DESC, h.investor_id`,
      [projectId],
    )) as HolderRow[];
    return rows.map((row) => ({
      investorId: row.investor_id,
      displayName: row.display_name,
      shares: Number(row.shares),
      amount: Number(row.amount_invested),
    }));
  }

  private async optionsOf(projectId: string): Promise<CapTableOptionDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT loan_id, holder, equity_bps FROM warrant_options WHERE project_id = $1 ORDER BY granted_at, loan_id`,
      [projectId],
    )) as OptionRow[];
    return rows.map((row) => ({
      holder: row.holder,
      equityPercent: row.equity_bps / BPS_PER_PERCENT,
      source: 'WARRANT',
      loanId: row.loan_id,
    }));
  }
}
