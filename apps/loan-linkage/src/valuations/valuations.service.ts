import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { collateralByIds } from '../collateral/current-collateral';
import { CreateValuationDto } from './dto/create-valuation.dto';
import { IpAssetDto, ValuationDto } from './dto/valuation.dto';
import { IpAssetNotFoundException, ValuationExpiredException } from './valuation.exceptions';

interface ValuationRow {
  id: string;
  ip_asset_id: string;
  method: string;
  value: string;
  currency: string;
  valid_until: Date;
  report_ref: string;
  valued_at: Date;
  appraiser_id: string;
}

const VALUATION_COLUMNS = `id, ip_asset_id, method, value::text AS value, trim(currency) AS currency, valid_until,
  report_ref, valued_at, appraiser_id`;

/** Appraisers value IP assets; every valuation is kept, the newest valid one counts. */
@Injectable()
export class ValuationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async value(appraiser: AuthenticatedUser, ipAssetId: string, body: CreateValuationDto): Promise<ValuationDto> {
    const now = this.clock.now();
    if (new Date(body.validUntil) <= now) throw new ValuationExpiredException();
    return this.dataSource.transaction(async (manager) => {
      const [asset] = (await manager.query(`SELECT id FROM ip_assets WHERE id = $1`, [ipAssetId])) as { id: string }[];
      if (!asset) throw new IpAssetNotFoundException(ipAssetId);
      const [row] = (await manager.query(
        `INSERT INTO valuations (id, ip_asset_id, appraiser_id, appraiser_organization_id, method, value, currency,
                                 valid_until, report_ref, valued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${VALUATION_COLUMNS}`,
        [
          newId(),
          ipAssetId,
          appraiser.id,
          appraiser.organizationId ?? null,
          body.method,
          body.value,
          body.currency,
          body.validUntil,
          body.reportRef,
          now.toISOString(),
        ],
      )) as ValuationRow[];
      await this.audit.record(
        manager,
        appraiser,
        'valuation.recorded',
        { type: 'ip-asset', id: ipAssetId },
        { valuationId: row.id, method: body.method, value: body.value, currency: body.currency },
        now,
      );
      return toValuationDto(row);
    });
  }

  async asset(ipAssetId: string): Promise<IpAssetDto> {
    const [current] = await collateralByIds(this.dataSource.manager, [ipAssetId], this.clock.now());
    if (!current) throw new IpAssetNotFoundException(ipAssetId);
    const history = (await this.dataSource.query(
      `SELECT ${VALUATION_COLUMNS} FROM valuations WHERE ip_asset_id = $1 ORDER BY valued_at DESC, id DESC`,
      [ipAssetId],
    )) as ValuationRow[];
    const valuations = history.map(toValuationDto);
    return {
      id: current.id,
      projectId: current.project_id,
      type: current.type,
      registryNumber: current.registry_number,
      title: current.title,
      owner: current.owner,
      lienStatus: current.encumbered ? 'ENCUMBERED' : 'FREE',
      currentValuation: valuations.find((valuation) => valuation.id === current.valuation_id) ?? null,
      valuations,
    };
  }
}

function toValuationDto(row: ValuationRow): ValuationDto {
  return {
    id: row.id,
    ipAssetId: row.ip_asset_id,
    method: row.method,
    value: Number(row.value),
    currency: row.currency,
    validUntil: row.valid_until.toISOString(),
    reportRef: row.report_ref,
    valuedAt: row.valued_at.toISOString(),
    appraiserId: row.appraiser_id,
  };
}
