import { register, signInAdmin } from './identity.steps';
import {
  Finances,
  HoldingView,
  limitIn,
  LimitView,
  pledge,
  pledgeInStatus,
  PledgeView,
  portfolioOf,
  verifiedInvestor,
} from './investing.steps';
import { loanInStatus, LoanOfferView, LoanView, registerCollateral } from './lending.steps';
import { arrangeLinkedLoan, LinkedLoanPlan } from './linked-loan';
import { openRound, projectInStatus, ProjectView } from './listing.steps';
import { formatMoney } from './money-format';
import { notificationsOf, NotificationView } from './notifications.steps';
import { Actor } from './scenario-report';
import { DAY_MS, openingSoon, ScenarioContext } from './scenario-context';
import {
  capTableOf,
  CapTableView,
  closeCampaign,
  settledAs,
  SettlementView,
  trialBalance,
  TrialBalanceView,
} from './settlement.steps';

/*
 * Scenario 1, a funded equity round (US, Regulation Crowdfunding): a founder lists a project
 * whose patent and trademark can back a loan; three investors with different limits pledge,
 * one with a card that is declined at charge time; an appraiser values the IP and a bank's
 * linked loan is accepted and registered; the admin closes the round, which is FUNDED: the
 * shares go to the cap table, the loan is paid out with its schedule and the bank's warrant.
 */

export const ROUND = {
  currency: 'USD',
  pricePerShare: 250,
  preMoneyValuation: 400_000_000,
  targetAmount: 2_500_000,
  maxAmount: 10_000_000,
  minPledge: 10_000,
  shareClass: 'Common',
} as const;

export const LOAN = {
  principal: 900_000,
  annualRateBps: 800,
  termMonths: 24,
  warrantPercent: 1.5,
  bank: 'Harbor Bank',
  /** The bank's designated party for the warrant (认股权贷款): its venture arm. */
  warrantHolder: 'Harbor Bank Ventures',
} as const;

interface InvestorPart {
  name: string;
  finances: Finances;
  amount: number;
  paymentMethod: string;
  settlesAs: 'CHARGED' | 'PAYMENT_FAILED';
}

const US = { country: 'US', currency: 'USD' };

/** Three US investors, one in each Reg CF limit band (§227.100(a)(2)). */
export const INVESTORS: readonly InvestorPart[] = [
  {
    name: 'Ada Park',
    finances: { ...US, annualIncome: 6_000_000, netWorth: 8_000_000, selfCertifiedAccredited: false },
    amount: 200_000,
    paymentMethod: 'pm_card_chargeDeclined',
    settlesAs: 'PAYMENT_FAILED',
  },
  {
    name: 'Ben Okafor',
    finances: { ...US, annualIncome: 15_000_000, netWorth: 20_000_000, selfCertifiedAccredited: false },
    amount: 1_500_000,
    paymentMethod: 'pm_card_visa',
    settlesAs: 'CHARGED',
  },
  {
    name: 'Chloe Martin',
    finances: { ...US, annualIncome: 200_000_000, netWorth: 500_000_000, selfCertifiedAccredited: true },
    amount: 3_000_000,
    paymentMethod: 'pm_card_visa',
    settlesAs: 'CHARGED',
  },
];

/** What each party is told along the way (the gateway's notification types). */
const NEWS = {
  CHARGED: ['PLEDGE_CONFIRMED', 'PLEDGE_CHARGED', 'SHARES_ISSUED'],
  PAYMENT_FAILED: ['PLEDGE_CONFIRMED', 'PAYMENT_FAILED'],
  founder: ['CAMPAIGN_FUNDED', 'LOAN_OFFERED', 'LOAN_DISBURSED'],
  bank: ['LOAN_ACCEPTED', 'LOAN_DISBURSED'],
} as const;

export interface InvestorOutcome {
  actor: Actor;
  limit: LimitView | undefined;
  committed: PledgeView;
  settled: PledgeView;
  portfolio: HoldingView[];
  notifications: NotificationView[];
}

export interface FundedRound {
  founder: Actor;
  bank: Actor;
  project: ProjectView;
  investors: InvestorOutcome[];
  offer: LoanOfferView;
  settlement: SettlementView;
  funded: ProjectView;
  capTable: CapTableView;
  loan: LoanView;
  founderNotifications: NotificationView[];
  bankNotifications: NotificationView[];
  ledger: TrialBalanceView;
}

function projectBody(runTag: string, companyId: string, opensAt: Date): Record<string, unknown> & { title: string } {
  return {
    companyId,
    kind: 'EQUITY',
    title: `Lumen Robotics seed round ${runTag}`,
    summary: 'Warehouse robots that fit in a van',
    description: 'We raise to build our second production line in Oakland.',
    sector: 'robotics',
    stage: 'SEED',
    region: 'California',
    jurisdiction: 'US',
    currency: ROUND.currency,
    targetAmount: ROUND.targetAmount,
    maxAmount: ROUND.maxAmount,
    minPledge: ROUND.minPledge,
    opensAt: opensAt.toISOString(),
    // Reg CF §227.303(a): an offering stays open at least 21 days
    closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
    fundingModel: 'ALL_OR_NOTHING',
    equity: {
      pricePerShare: ROUND.pricePerShare,
      preMoneyValuation: ROUND.preMoneyValuation,
      shareClass: ROUND.shareClass,
    },
    ipAssets: [
      {
        type: 'INVENTION_PATENT',
        registryNumber: `US 11,${runTag}`,
        title: 'Adaptive gripper',
        owner: 'Lumen Robotics Inc.',
      },
      { type: 'TRADEMARK', registryNumber: `US TM ${runTag}`, title: 'LUMEN', owner: 'Lumen Robotics Inc.' },
    ],
    disclosures: {
      risks: 'Early-stage company: you may lose everything you invest.',
      useOfFunds: 'Second production line (70%), hiring (30%).',
      financialSummary: 'Revenue 2025: $1.2M; net loss $0.4M.',
    },
  };
}

const LINKED_LOAN: LinkedLoanPlan = {
  appraiser: { name: 'Priya Raman', organization: 'Patent Value Partners' },
  bank: { name: 'Henry Walsh', organization: LOAN.bank },
  // patent × 25% + trademark × 50% (domain-rules.md §3): loans up to $40,000
  valuations: [
    { method: 'INCOME', value: 12_000_000 },
    { method: 'MARKET', value: 2_000_000 },
  ],
  offer: {
    principal: LOAN.principal,
    annualRateBps: LOAN.annualRateBps,
    termMonths: LOAN.termMonths,
    minEquityRaised: ROUND.targetAmount,
    warrant: { equityPercent: LOAN.warrantPercent, holder: LOAN.warrantHolder },
  },
};

const INTERESTS = { sectors: ['robotics'], regions: ['California'], kinds: ['EQUITY'] };

export async function playFundedRound(context: ScenarioContext): Promise<FundedRound> {
  const { client, runTag } = context;
  const admin = await signInAdmin(client, context.adminCredentials);
  const founder = await register(client, { name: 'Fiona Chen', role: 'founder' }, runTag);
  const project = await openRound(
    client,
    founder,
    admin,
    {
      name: 'Lumen Robotics Inc.',
      registrationNumber: `DE-${runTag}`,
      sector: 'robotics',
      region: 'California',
      description: 'Warehouse robots that fit in a van.',
    },
    (companyId) => projectBody(runTag, companyId, openingSoon()),
  );
  const backers = await raise(context, admin, project);
  const { bank, offer } = await arrangeLinkedLoan(context, admin, founder, project, LINKED_LOAN);
  await registerCollateral(client, bank, offer.id, `USPTO-REEL-${runTag}`);

  await closeCampaign(client, admin, project);
  const settlement = await settledAs(client, founder, project, 'FUNDED');
  const funded = await projectInStatus(client, founder, project, 'FUNDED');
  const investors = await settleBackers(context, backers);
  const capTable = await capTableOf(
    client,
    founder,
    project,
    (table) => table.holders.length > 0 && table.options.length > 0,
  );
  return {
    founder,
    bank,
    project,
    investors,
    offer,
    settlement,
    funded,
    capTable,
    loan: await loanInStatus(client, founder, offer.id, 'DISBURSED'),
    founderNotifications: await notificationsOf(client, founder, NEWS.founder),
    bankNotifications: await notificationsOf(client, bank, NEWS.bank),
    ledger: await trialBalance(client, admin),
  };
}

type Backer = Pick<InvestorOutcome, 'actor' | 'limit' | 'committed'>;

/** Each investor is verified, reads their limit and pledges. */
async function raise(context: ScenarioContext, admin: Actor, project: ProjectView): Promise<Backer[]> {
  const backers: Backer[] = [];
  for (const part of INVESTORS) {
    const actor = await verifiedInvestor(context, admin, { ...part, interests: INTERESTS });
    const limit = await limitIn(context.client, actor, 'US');
    backers.push({
      actor,
      limit,
      committed: await pledge(context.client, actor, project, part.amount, part.paymentMethod),
    });
  }
  return backers;
}

/** After the close: each investor's pledge, holdings and news. */
async function settleBackers({ client }: ScenarioContext, backers: Backer[]): Promise<InvestorOutcome[]> {
  const outcomes: InvestorOutcome[] = [];
  for (const [index, backer] of backers.entries()) {
    const { settlesAs } = INVESTORS[index];
    outcomes.push({
      ...backer,
      settled: await pledgeInStatus(client, backer.actor, backer.committed.id, settlesAs),
      portfolio: await portfolioOf(client, backer.actor),
      notifications: await notificationsOf(client, backer.actor, NEWS[settlesAs]),
    });
  }
  return outcomes;
}

/** The figures a newcomer should take away, label and value. */
export function fundedRoundSummary(round: FundedRound): [string, string][] {
  const money = (amount: number) => formatMoney(amount, round.settlement.currency);
  const { settlement, capTable, loan } = round;
  const [first] = loan.schedule;
  return [
    ['Round', `${round.funded.title}: ${round.funded.status}`],
    ['Raised', `${money(settlement.charged.amount)} from ${settlement.charged.count} investors`],
    ['Declined at charge', `${settlement.failed.count} pledge (${money(settlement.failed.amount)})`],
    [
      'Shares issued',
      `${capTable.totalShares.toLocaleString('en-US')} ${capTable.shareClass} at ${money(capTable.pricePerShare ?? 0)}`,
    ],
    ['Post-money valuation', money(capTable.postMoneyValuation ?? 0)],
    ['Platform fee', money(settlement.platformFee)],
    ['Payout to the startup', money(settlement.payout)],
    [
      'Loan',
      `${money(loan.principal)} at ${(loan.annualRateBps / 100).toFixed(2)}% over ${loan.termMonths} months: ${loan.status}`,
    ],
    [
      'Schedule',
      `${loan.schedule.length} instalments of ${money(first?.amount ?? 0)}, first due ${first?.dueAt.slice(0, 10)}`,
    ],
    ['Warrant', capTable.options.map((option) => `${option.equityPercent}% to ${option.holder}`).join('; ') || 'none'],
    ['Ledger', round.ledger.balanced ? 'balanced' : 'NOT balanced'],
  ];
}
