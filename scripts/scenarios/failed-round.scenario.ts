import { signInAdmin } from './identity.steps';
import { pledgeInStatus, PledgeView } from './investing.steps';
import { CnLinkedRound, playCnLinkedRound } from './cn-linked-round';
import { lienOn, loanInStatus, LoanView } from './lending.steps';
import { projectInStatus, ProjectView } from './listing.steps';
import { notificationsOf, NotificationView } from './notifications.steps';
import { ScenarioContext } from './scenario-context';
import { closeCampaign, settledAs, SettlementView } from './settlement.steps';

/*
 * Scenario 2, a failed round (CN): the round closes below its target, so nothing is sold:
 * every pledge is RELEASED, the bank's linked loan LAPSES and its collateral is free again.
 */

export const FAILED_ROUND_CAST = {
  founder: 'Wei Zhang',
  company: 'Lingxi Medical',
  appraiser: 'Huang Lei',
  bank: { name: 'Zhou Min', organization: 'Bank of Lingnan' },
  investors: [
    { name: 'Li Na', amount: 20_000_000 },
    { name: 'Chen Jie', amount: 15_000_000 },
  ],
};

export interface FailedRound extends CnLinkedRound {
  settlement: SettlementView;
  failed: ProjectView;
  released: PledgeView[];
  loan: LoanView;
  /** The patent as the bank's registry view shows it after the lapse. */
  collateral: { lienStatus: string };
  investorNotifications: NotificationView[][];
  founderNotifications: NotificationView[];
}

export async function playFailedRound(context: ScenarioContext): Promise<FailedRound> {
  const { client } = context;
  const admin = await signInAdmin(client, context.adminCredentials);
  const round = await playCnLinkedRound(context, admin, FAILED_ROUND_CAST);
  const { founder, bank, project, backers, offer } = round;

  await closeCampaign(client, admin, project);
  const settlement = await settledAs(client, founder, project, 'FAILED');
  const failed = await projectInStatus(client, founder, project, 'FAILED');
  const released: PledgeView[] = [];
  const investorNotifications: NotificationView[][] = [];
  for (const { actor, pledge } of backers) {
    released.push(await pledgeInStatus(client, actor, pledge.id, 'RELEASED'));
    investorNotifications.push(await notificationsOf(client, actor, ['PLEDGE_RELEASED']));
  }
  const loan = await loanInStatus(client, founder, offer.id, 'LAPSED');
  return {
    ...round,
    settlement,
    failed,
    released,
    loan,
    collateral: await lienOn(client, bank, project.ipAssets[0]),
    investorNotifications,
    founderNotifications: await notificationsOf(client, founder, ['CAMPAIGN_FAILED', 'LOAN_LAPSED']),
  };
}
