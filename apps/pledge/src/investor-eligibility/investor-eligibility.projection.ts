import { InvestorEligibilityChangedV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps an investor's eligibility in step with the investor service. Every event carries the
 * whole snapshot, so events may arrive in any order: one older than what is held changes nothing.
 */
export async function applyInvestorEligibility(
  manager: EntityManager,
  snapshot: InvestorEligibilityChangedV1,
): Promise<void> {
  await manager.query(
    `INSERT INTO investor_eligibility (user_id, version, kyc_status, accredited, currency, annual_income, net_worth,
                                      financial_assets, average_annual_income_three_years,
                                      knowledge_test_passed_until, sophisticated, loss_simulation_acknowledged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (user_id) DO UPDATE
       SET version = EXCLUDED.version, kyc_status = EXCLUDED.kyc_status, accredited = EXCLUDED.accredited,
           currency = EXCLUDED.currency, annual_income = EXCLUDED.annual_income, net_worth = EXCLUDED.net_worth,
           financial_assets = EXCLUDED.financial_assets,
           average_annual_income_three_years = EXCLUDED.average_annual_income_three_years,
           knowledge_test_passed_until = EXCLUDED.knowledge_test_passed_until,
           sophisticated = EXCLUDED.sophisticated,
           loss_simulation_acknowledged_at = EXCLUDED.loss_simulation_acknowledged_at, updated_at = now()
       WHERE investor_eligibility.version < EXCLUDED.version`,
    [
      snapshot.userId,
      snapshot.version,
      snapshot.kycStatus,
      snapshot.accredited,
      snapshot.currency ?? null,
      snapshot.annualIncome ?? null,
      snapshot.netWorth ?? null,
      snapshot.financialAssets ?? null,
      snapshot.averageAnnualIncomeThreeYears ?? null,
      snapshot.knowledgeTestPassedUntil ?? null,
      snapshot.sophisticated,
      snapshot.lossSimulationAcknowledgedAt ?? null,
    ],
  );
}
