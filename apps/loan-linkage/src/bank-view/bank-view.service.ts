import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { idCursor, pageOf, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource } from 'typeorm';
import { collateralOfProjects, CollateralRow, valuedAsset } from '../collateral/current-collateral';
import { LtvPolicy, ltvPolicyOf, maxLoanOf, maxLoanOver } from '../collateral/loan-to-value';
import { ventureDebtRatio } from '../loans/venture-debt';
import { BankProjectsQuery } from './dto/bank-projects-query.dto';
import { BankCollateralDto, BankProjectDto, BankProjectPageDto } from './dto/bank-project.dto';
import { DAY_MS } from '../clock/days';

interface RoundRow {
  project_id: string;
  title: string;
  sector: string;
  stage: string;
  region: string;
  jurisdiction: string;
  status: string;
  currency: string;
  target_amount: string;
  closes_at: Date;
  raised: string;
  pledge_count: number;
}

/**
 * What banks see: open equity rounds with valued, unencumbered IP, each asset's current
 * valuation and loan cap, and the round's aggregate progress. It reads only projections that
 * hold no investor identity, so none can leak.
 */
@Injectable()
export class BankViewService {
  private readonly ltv: LtvPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.ltv = ltvPolicyOf(config);
  }

  async projects(query: BankProjectsQuery): Promise<BankProjectPageDto> {
    const now = this.clock.now();
    const rows = (await this.dataSource.query(
      `SELECT r.project_id, r.title, r.sector, r.stage, r.region, r.jurisdiction, r.status, trim(r.currency) AS currency,
              r.target_amount::text AS target_amount, r.closes_at,
              coalesce(p.raised, 0)::text AS raised, coalesce(p.pledge_count, 0) AS pledge_count
         FROM equity_rounds r LEFT JOIN round_progress p USING (project_id)
        WHERE r.kind = 'EQUITY' AND r.status IN ('APPROVED', 'LIVE') AND p.outcome IS NULL
          AND ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.sector = $2)
          AND ($3::text IS NULL OR r.stage = $3) AND ($4::text IS NULL OR r.region = $4)
          AND ($5::text IS NULL OR r.jurisdiction = $5)
          AND ($6::text IS NULL OR r.title ILIKE '%' || replace(replace(replace($6, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
          AND ($7::uuid IS NULL OR r.project_id < $7::uuid)
          AND EXISTS (
            SELECT 1 FROM ip_assets a
              JOIN LATERAL (SELECT * FROM valuations v WHERE v.ip_asset_id = a.id
                             ORDER BY v.valued_at DESC, v.id DESC LIMIT 1) v ON v.valid_until > $8
             WHERE a.project_id = r.project_id AND v.currency = r.currency
               AND ($9::text IS NULL OR a.type = $9)
               AND NOT EXISTS (SELECT 1 FROM loan_collateral c WHERE c.ip_asset_id = a.id AND c.released_at IS NULL))
        ORDER BY r.project_id DESC LIMIT $10`,
      [
        query.status ?? null,
        query.sector ?? null,
        query.stage ?? null,
        query.region ?? null,
        query.jurisdiction ?? null,
        query.q ?? null,
        idCursor(query.cursor),
        now.toISOString(),
        query.assetType ?? null,
        query.limit + 1,
      ],
    )) as RoundRow[];
    const page = pageOf(rows, query.limit, (last) => last.project_id);
    const collateral = await collateralOfProjects(
      this.dataSource.manager,
      page.items.map((round) => round.project_id),
      now,
    );
    return { ...page, items: page.items.map((round) => this.toDto(round, collateral, now)) };
  }

  private toDto(round: RoundRow, collateral: CollateralRow[], now: Date): BankProjectDto {
    const free = collateral
      .filter((asset) => asset.project_id === round.project_id && !asset.encumbered)
      .filter((asset) => asset.value !== null && asset.currency === round.currency);
    const maxLoan = maxLoanOver(free.map(valuedAsset), this.ltv);
    const target = BigInt(round.target_amount);
    const raised = BigInt(round.raised);
    return {
      project: {
        id: round.project_id,
        title: round.title,
        sector: round.sector,
        stage: round.stage,
        region: round.region,
        jurisdiction: round.jurisdiction,
        currency: round.currency,
        closesAt: round.closes_at.toISOString(),
      },
      funding: {
        target: Number(target),
        raised: Number(raised),
        pledgeCount: round.pledge_count,
        percentOfTarget: Number((raised * 100n) / target),
        daysLeft: Math.max(0, Math.ceil((round.closes_at.getTime() - now.getTime()) / DAY_MS)),
        status: round.status,
      },
      collateral: free.map((asset) => this.toCollateral(asset)),
      maxLoan: Number(maxLoan),
      ventureDebt: ventureDebtRatio(maxLoan, target),
    };
  }

  private toCollateral(asset: CollateralRow): BankCollateralDto {
    const ltvBps = this.ltv[asset.type];
    return {
      ipAsset: {
        id: asset.id,
        type: asset.type,
        registryNumber: asset.registry_number,
        title: asset.title,
        owner: asset.owner,
      },
      valuation: {
        id: asset.valuation_id!,
        method: asset.method!,
        value: Number(asset.value),
        currency: asset.currency!,
        validUntil: asset.valid_until!.toISOString(),
        reportRef: asset.report_ref!,
        valuedAt: asset.valued_at!.toISOString(),
      },
      ltvBps,
      maxLoan: Number(maxLoanOf(BigInt(asset.value!), ltvBps)),
    };
  }
}
