import { openStaffAccount } from './identity.steps';
import {
  acceptOffer,
  bankView,
  LoanOfferInput,
  LoanOfferView,
  offerLoan,
  valueAsset,
  ValuationInput,
} from './lending.steps';
import { ProjectView } from './listing.steps';
import { Actor } from './scenario-report';
import { DAY_MS, ScenarioContext } from './scenario-context';

export interface LinkedLoanPlan {
  appraiser: { name: string; organization: string };
  bank: { name: string; organization: string };
  /** One valuation per IP asset the project declared, in the same order. */
  valuations: Pick<ValuationInput, 'method' | 'value'>[];
  offer: Omit<LoanOfferInput, 'projectId' | 'ipAssetIds' | 'currency'>;
}

/**
 * Investment-loan linkage (投贷联动) up to the founder's yes: an appraiser values the
 * project's IP, a bank finds it, offers a loan against all of it linked to the round, and
 * the founder accepts (the collateral is reserved). The admin opens both staff accounts.
 */
export async function arrangeLinkedLoan(
  { client, runTag }: ScenarioContext,
  admin: Actor,
  founder: Actor,
  project: ProjectView,
  plan: LinkedLoanPlan,
): Promise<{ bank: Actor; offer: LoanOfferView }> {
  const appraiser = await openStaffAccount(client, admin, { ...plan.appraiser, role: 'appraiser' }, runTag);
  const bank = await openStaffAccount(client, admin, { ...plan.bank, role: 'bank' }, runTag);
  const validUntil = new Date(Date.now() + 365 * DAY_MS).toISOString();
  for (const [index, valuation] of plan.valuations.entries()) {
    await valueAsset(client, appraiser, project.ipAssets[index], {
      ...valuation,
      currency: project.currency,
      validUntil,
      reportRef: `${runTag}-${index + 1}`,
    });
  }
  await bankView(client, bank, project, plan.valuations.length);
  const offer = await offerLoan(client, bank, {
    ...plan.offer,
    projectId: project.id,
    ipAssetIds: project.ipAssets.map((asset) => asset.id),
    currency: project.currency,
  });
  await acceptOffer(client, founder, offer);
  return { bank, offer };
}
