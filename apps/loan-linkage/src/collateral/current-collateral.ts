import { EntityManager } from 'typeorm';
import { IpAssetType, ValuedAsset } from './loan-to-value';

/** An IP asset with its current valuation (null when it has none) and whether a loan holds it. */
export interface CollateralRow {
  id: string;
  project_id: string;
  type: IpAssetType;
  registry_number: string;
  title: string;
  owner: string;
  valuation_id: string | null;
  method: string | null;
  value: string | null;
  currency: string | null;
  valid_until: Date | null;
  report_ref: string | null;
  valued_at: Date | null;
  encumbered: boolean;
}

/** The asset as its loan cap is priced; only for an asset with a current valuation. */
export function valuedAsset(asset: CollateralRow): ValuedAsset {
  return { value: BigInt(asset.value!), type: asset.type };
}

/**
 * Only a current valuation counts (domain-rules.md §3): the newest one, and only while it is
 * valid. An older valuation never stands in for an expired newer one.
 */
const COLLATERAL_SELECT = `
  SELECT a.id, a.project_id, a.type, a.registry_number, a.title, a.owner,
         v.id AS valuation_id, v.method, v.value::text AS value, trim(v.currency) AS currency, v.valid_until,
         v.report_ref, v.valued_at,
         EXISTS (SELECT 1 FROM loan_collateral c WHERE c.ip_asset_id = a.id AND c.released_at IS NULL) AS encumbered
    FROM ip_assets a
    LEFT JOIN LATERAL (
      SELECT * FROM valuations latest WHERE latest.ip_asset_id = a.id ORDER BY latest.valued_at DESC, latest.id DESC LIMIT 1
    ) v ON v.valid_until > $2`;

export async function collateralByIds(
  manager: EntityManager,
  ipAssetIds: string[],
  now: Date,
): Promise<CollateralRow[]> {
  return (await manager.query(`${COLLATERAL_SELECT} WHERE a.id = ANY($1::uuid[]) ORDER BY a.id`, [
    ipAssetIds,
    now.toISOString(),
  ])) as CollateralRow[];
}

export async function collateralOfProjects(
  manager: EntityManager,
  projectIds: string[],
  now: Date,
): Promise<CollateralRow[]> {
  return (await manager.query(`${COLLATERAL_SELECT} WHERE a.project_id = ANY($1::uuid[]) ORDER BY a.project_id, a.id`, [
    projectIds,
    now.toISOString(),
  ])) as CollateralRow[];
}
