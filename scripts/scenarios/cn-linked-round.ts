import { register } from './identity.steps';
import { pledge, PledgeView, verifiedInvestor } from './investing.steps';
import { LoanOfferView } from './lending.steps';
import { arrangeLinkedLoan } from './linked-loan';
import { openRound, ProjectView } from './listing.steps';
import { Actor } from './scenario-report';
import { DAY_MS, openingSoon, ScenarioContext } from './scenario-context';

/*
 * What scenarios 2 and 3 share: a CN equity round (pilot rules, private-placement model)
 * whose founder pledges a patent for a bank loan linked to the round, and qualified
 * investors who pledge. How the round ends is the scenario's own.
 */

export const CN_ROUND = {
  currency: 'CNY',
  pricePerShare: 1_000,
  targetAmount: 200_000_000,
  patentValue: 400_000_000,
  loanPrincipal: 60_000_000,
} as const;

export interface CnRoundCast {
  founder: string;
  company: string;
  appraiser: string;
  bank: { name: string; organization: string };
  /** Each investor and what they pledge (CNY fen). */
  investors: { name: string; amount: number }[];
}

export interface CnLinkedRound {
  founder: Actor;
  bank: Actor;
  project: ProjectView;
  backers: { actor: Actor; pledge: PledgeView }[];
  offer: LoanOfferView;
}

/** Qualified under the CN pilot by financial assets of at least ¥1,000,000. */
const QUALIFIED_CN_INVESTOR = {
  country: 'CN',
  currency: 'CNY',
  annualIncome: 50_000_000,
  netWorth: 300_000_000,
  financialAssets: 150_000_000,
  selfCertifiedAccredited: false,
};

function cnProjectBody(
  cast: CnRoundCast,
  runTag: string,
  companyId: string,
): Record<string, unknown> & { title: string } {
  const opensAt = openingSoon();
  return {
    companyId,
    kind: 'EQUITY',
    title: `${cast.company} A round ${runTag}`,
    summary: 'Low-cost surgical robotics for county hospitals',
    description: 'We raise to certify our second device with the NMPA.',
    sector: 'medtech',
    stage: 'EARLY',
    region: 'Guangdong',
    jurisdiction: 'CN',
    currency: CN_ROUND.currency,
    targetAmount: CN_ROUND.targetAmount,
    maxAmount: CN_ROUND.targetAmount * 2,
    minPledge: 1_000_000,
    opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
    fundingModel: 'ALL_OR_NOTHING',
    equity: { pricePerShare: CN_ROUND.pricePerShare, preMoneyValuation: 5_000_000_000, shareClass: 'Ordinary' },
    ipAssets: [
      {
        type: 'INVENTION_PATENT',
        registryNumber: `ZL 2024 1 ${runTag}`,
        title: 'Haptic catheter',
        owner: cast.company,
      },
    ],
    disclosures: {
      risks: 'Regulatory approval may be refused; you may lose everything you invest.',
      useOfFunds: 'NMPA certification (60%), production (40%).',
      financialSummary: 'Revenue 2025: ¥8.1M; net loss ¥2.3M.',
    },
  };
}

export async function playCnLinkedRound(
  context: ScenarioContext,
  admin: Actor,
  cast: CnRoundCast,
  riskPoolId?: string,
): Promise<CnLinkedRound> {
  const { client, runTag } = context;
  const founder = await register(client, { name: cast.founder, role: 'founder' }, runTag);
  const project = await openRound(
    client,
    founder,
    admin,
    {
      name: cast.company,
      registrationNumber: `91440300-${cast.company.replace(/\W+/g, '').slice(0, 20)}-${runTag}`,
      sector: 'medtech',
      region: 'Guangdong',
      description: 'Surgical robotics.',
    },
    (companyId) => cnProjectBody(cast, runTag, companyId),
  );

  const backers: CnLinkedRound['backers'] = [];
  for (const { name, amount } of cast.investors) {
    const actor = await verifiedInvestor(context, admin, {
      name,
      finances: QUALIFIED_CN_INVESTOR,
      interests: { sectors: ['medtech'], regions: ['Guangdong'], kinds: ['EQUITY'] },
    });
    backers.push({ actor, pledge: await pledge(client, actor, project, amount, 'pm_card_visa') });
  }

  const { bank, offer } = await arrangeLinkedLoan(context, admin, founder, project, {
    appraiser: { name: cast.appraiser, organization: 'Lingnan Asset Appraisal' },
    bank: cast.bank,
    // invention patent × 25% (domain-rules.md §3): loans up to ¥1,000,000
    valuations: [{ method: 'INCOME', value: CN_ROUND.patentValue }],
    offer: {
      principal: CN_ROUND.loanPrincipal,
      annualRateBps: 600,
      termMonths: 36,
      minEquityRaised: CN_ROUND.targetAmount,
      ...(riskPoolId ? { riskPoolId } : {}),
    },
  });
  return { founder, bank, project, backers, offer };
}
