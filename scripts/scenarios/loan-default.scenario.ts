import { signInAdmin } from './identity.steps';
import { CN_ROUND, CnLinkedRound, playCnLinkedRound } from './cn-linked-round';
import {
  advanceLoanClock,
  claimAgain,
  claimCompensation,
  ClaimView,
  createRiskPool,
  loanInStatus,
  LoanView,
  registerCollateral,
} from './lending.steps';
import { notificationsOf, NotificationView } from './notifications.steps';
import { ScenarioContext } from './scenario-context';
import { closeCampaign, settledAs } from './settlement.steps';

/*
 * Scenario 3, a default: a loan enrolled in a risk-compensation pool (风险补偿资金池) is paid
 * out with its round; then nothing is repaid. Once an instalment is 90 days overdue the loan
 * is DEFAULTED, the bank claims and the pool pays its share of the unrecovered principal, once.
 * Months pass through loan-linkage's test clock (TEST_CLOCK_CONTROL=true).
 */

export const RISK_POOL = {
  name: 'Zhongshan technology-finance risk pool',
  sponsor: 'Zhongshan Science and Technology Bureau',
  currency: CN_ROUND.currency,
  balance: 1_000_000_000,
  // Zhongshan: fund 54 / bank 26 / insurer 16 / appraiser 4; the pool's share is the fund's
  coverageBps: 5_400,
  perLoanCap: 1_000_000_000,
} as const;

/** The first instalment falls due a month after disbursement; 90 days later the loan defaults. */
export const DAYS_WITHOUT_REPAYMENT = 31 + 90 + 5;

export const DEFAULT_CAST = {
  founder: 'Sun Hao',
  company: 'Pearl River Surgical',
  appraiser: 'Xu Ying',
  bank: { name: 'Lin Tao', organization: 'Bank of Lingnan' },
  investors: [{ name: 'Guo Mei', amount: CN_ROUND.targetAmount }],
};

export interface LoanDefault extends CnLinkedRound {
  disbursed: LoanView;
  defaulted: LoanView;
  claim: ClaimView;
  secondClaim: { code: string };
  compensated: LoanView;
  bankNotifications: NotificationView[];
}

export async function playLoanDefault(context: ScenarioContext): Promise<LoanDefault> {
  const { client, runTag } = context;
  const admin = await signInAdmin(client, context.adminCredentials);
  const pool = await createRiskPool(client, admin, { ...RISK_POOL, name: `${RISK_POOL.name} ${runTag}` });
  const round = await playCnLinkedRound(context, admin, DEFAULT_CAST, pool.id);
  const { founder, bank, project, offer } = round;
  await registerCollateral(client, bank, offer.id, `CNIPA-ZY-${runTag}`);
  await closeCampaign(client, admin, project);
  await settledAs(client, founder, project, 'FUNDED');
  const disbursed = await loanInStatus(client, bank, offer.id, 'DISBURSED');

  await advanceLoanClock(client, admin, DAYS_WITHOUT_REPAYMENT);
  const defaulted = await loanInStatus(client, bank, offer.id, 'DEFAULTED');
  const claim = await claimCompensation(client, bank, offer.id);
  const secondClaim = await claimAgain(client, bank, offer.id);
  return {
    ...round,
    disbursed,
    defaulted,
    claim,
    secondClaim,
    compensated: await loanInStatus(client, bank, offer.id, 'COMPENSATED'),
    bankNotifications: await notificationsOf(client, bank, ['LOAN_DEFAULTED', 'COMPENSATION_PAID']),
  };
}
