import { EntityManager } from 'typeorm';
import { RiskPoolLeverageExceededException, RiskPoolNotFoundException } from './risk-pool.exceptions';

/**
 * Enrols a loan's principal in a pool: one conditional UPDATE, so concurrent offers cannot
 * together pass the leverage limit (a pool backs at most `leverage_multiple × balance`).
 */
export async function enrolInPool(
  manager: EntityManager,
  poolId: string,
  principal: bigint,
): Promise<{ currency: string }> {
  const [rows] = (await manager.query(
    `UPDATE risk_pools SET enrolled_principal = enrolled_principal + $2, updated_at = now()
      WHERE id = $1 AND enrolled_principal + $2 <= leverage_multiple * balance
      RETURNING trim(currency) AS currency`,
    [poolId, principal.toString()],
  )) as [{ currency: string }[], number];
  if (rows[0]) return rows[0];
  const [pool] = (await manager.query(
    `SELECT balance::text AS balance, enrolled_principal::text AS enrolled, leverage_multiple FROM risk_pools
      WHERE id = $1`,
    [poolId],
  )) as { balance: string; enrolled: string; leverage_multiple: number }[];
  if (!pool) throw new RiskPoolNotFoundException(poolId);
  const capacity = BigInt(pool.balance) * BigInt(pool.leverage_multiple) - BigInt(pool.enrolled);
  throw new RiskPoolLeverageExceededException(capacity > 0n ? capacity : 0n);
}

export async function releasePoolEnrolment(manager: EntityManager, poolId: string, principal: bigint): Promise<void> {
  await manager.query(
    `UPDATE risk_pools SET enrolled_principal = enrolled_principal - $2, updated_at = now() WHERE id = $1`,
    [poolId, principal.toString()],
  );
}
