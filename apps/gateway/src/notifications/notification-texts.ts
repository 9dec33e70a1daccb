import { CampaignOutcome, LoanSnapshotV1, PledgeReleasedV1 } from '@crowdlink/contracts';
import { formatMoney } from '@crowdlink/domain';
import { NewNotification } from './notification.model';

/*
 * What each notification says: short, plain, with the figures a reader wants. Money is
 * formatted from minor units by @crowdlink/domain formatMoney; times are UTC, to the minute.
 */

const RESOLUTION_PREVIEW_CHARS = 300;

export function pledgeConfirmed(input: {
  pledgeId: string;
  projectId: string;
  projectTitle: string;
  amount: number;
  currency: string;
  cancellableUntil: Date | null;
}): NewNotification {
  const cancel = input.cancellableUntil
    ? `You can cancel it until ${minuteOf(input.cancellableUntil)}.`
    : 'It cannot be cancelled.';
  return {
    type: 'PLEDGE_CONFIRMED',
    title: 'Pledge confirmed',
    body: `Your pledge of ${formatMoney(input.amount, input.currency)} to "${input.projectTitle}" is confirmed. ${cancel}`,
    data: {
      pledgeId: input.pledgeId,
      projectId: input.projectId,
      amount: input.amount,
      currency: input.currency,
      cancellableUntil: input.cancellableUntil?.toISOString() ?? null,
    },
  };
}

export function campaignClosed(input: {
  projectId: string;
  projectTitle: string;
  outcome: CampaignOutcome;
  raised: number;
  currency: string;
  audience: 'owner' | 'backer';
}): NewNotification {
  const raised = formatMoney(input.raised, input.currency);
  const funded = input.outcome === 'FUNDED';
  const title = `"${input.projectTitle}"`;
  const body =
    input.audience === 'owner'
      ? funded
        ? `Your campaign ${title} is funded with ${raised} raised.`
        : `Your campaign ${title} closed short of its target; every pledge is released.`
      : funded
        ? `${title}, which you backed, is funded with ${raised} raised.`
        : `${title}, which you backed, closed short of its target.`;
  return {
    type: funded ? 'CAMPAIGN_FUNDED' : 'CAMPAIGN_FAILED',
    title: funded ? 'Campaign funded' : 'Campaign failed',
    body,
    data: { projectId: input.projectId, outcome: input.outcome, raised: input.raised, currency: input.currency },
  };
}

export function complaintResolved(input: {
  complaintId: string;
  projectId: string;
  projectTitle: string | undefined;
  resolution: string;
}): NewNotification {
  const about = input.projectTitle ? ` about "${input.projectTitle}"` : '';
  return {
    type: 'COMPLAINT_RESOLVED',
    title: 'Complaint resolved',
    body: `Your complaint${about} was resolved: ${preview(input.resolution)}`,
    data: { complaintId: input.complaintId, projectId: input.projectId },
  };
}

export function matchingProjectLive(input: { projectId: string; projectTitle: string }): NewNotification {
  return {
    type: 'MATCHING_PROJECT_LIVE',
    title: 'A project for you is live',
    body: `"${input.projectTitle}" matches your preferences and is open for pledges.`,
    data: { projectId: input.projectId },
  };
}

/** A pledge as its investor is told about it. */
export interface PledgeNotice {
  pledgeId: string;
  projectId: string;
  projectTitle: string;
  amount: number;
  currency: string;
}

export function reconfirmationRequested(input: PledgeNotice & { reconfirmBy: Date }): NewNotification {
  return {
    type: 'RECONFIRMATION_REQUESTED',
    title: 'Reconfirm your pledge',
    body: `"${input.projectTitle}" changed its terms materially. Reconfirm your pledge of ${pledgedOf(input)} by ${minuteOf(input.reconfirmBy)}, or it is cancelled.`,
    data: { ...pledgeData(input), reconfirmBy: input.reconfirmBy.toISOString() },
  };
}

export function pledgeCharged(input: PledgeNotice): NewNotification {
  return {
    type: 'PLEDGE_CHARGED',
    title: 'Pledge charged',
    body: `Your pledge of ${pledgedOf(input)} to "${input.projectTitle}" was charged.`,
    data: pledgeData(input),
  };
}

export function paymentActionRequired(input: PledgeNotice & { declineCode: string; fixBy: Date }): NewNotification {
  return {
    type: 'PAYMENT_ACTION_REQUIRED',
    title: 'New payment method needed',
    body: `The charge of ${pledgedOf(input)} for your pledge to "${input.projectTitle}" was declined. Give a new payment method by ${minuteOf(input.fixBy)}, or the pledge fails.`,
    data: { ...pledgeData(input), declineCode: input.declineCode, fixBy: input.fixBy.toISOString() },
  };
}

export function paymentFailed(input: PledgeNotice & { declineCode: string }): NewNotification {
  return {
    type: 'PAYMENT_FAILED',
    title: 'Payment failed',
    body: `The payment of ${pledgedOf(input)} for your pledge to "${input.projectTitle}" failed. Nothing was taken, and the pledge no longer stands.`,
    data: { ...pledgeData(input), declineCode: input.declineCode },
  };
}

export function pledgeReleased(input: PledgeNotice & { reason: PledgeReleasedV1['reason'] }): NewNotification {
  const body =
    input.reason === 'REFUNDED'
      ? `Your pledge of ${pledgedOf(input)} to "${input.projectTitle}" was refunded.`
      : `"${input.projectTitle}" did not reach its target: your pledge of ${pledgedOf(input)} is released and nothing was taken.`;
  return {
    type: 'PLEDGE_RELEASED',
    title: 'Pledge released',
    body,
    data: { ...pledgeData(input), reason: input.reason },
  };
}

export function chargeRefunded(input: PledgeNotice & { refundedAmount: number }): NewNotification {
  return {
    type: 'CHARGE_REFUNDED',
    title: 'Charge refunded',
    body: `A charge of ${formatMoney(input.refundedAmount, input.currency)} for your pledge to "${input.projectTitle}" was taken after the pledge no longer needed it, and has been refunded in full.`,
    data: { ...pledgeData(input), refundedAmount: input.refundedAmount },
  };
}

export function sharesIssued(input: {
  projectId: string;
  projectTitle: string;
  shareClass: string;
  shares: number;
  amount: number;
  currency: string;
}): NewNotification {
  return {
    type: 'SHARES_ISSUED',
    title: 'Shares issued',
    body: `You now hold ${SHARE_COUNT.format(input.shares)} shares of ${input.shareClass} in "${input.projectTitle}", for ${formatMoney(input.amount, input.currency)}.`,
    data: {
      projectId: input.projectId,
      shareClass: input.shareClass,
      shares: input.shares,
      amount: input.amount,
      currency: input.currency,
    },
  };
}

/** A linked loan as its founder and its bank user are told about it. */
export type LoanNotice = Pick<LoanSnapshotV1, 'loanId' | 'projectId' | 'projectTitle' | 'principal' | 'currency'>;

/** Who of the loan's two parties reads the text. */
export type LoanParty = 'founder' | 'bank';

export function loanOffered(input: LoanNotice): NewNotification {
  return {
    type: 'LOAN_OFFERED',
    title: 'Loan offer received',
    body: `A bank offered a loan of ${principalOf(input)} against the IP of "${input.projectTitle}", linked to its equity round.`,
    data: loanData(input),
  };
}

export function loanAccepted(input: LoanNotice): NewNotification {
  return {
    type: 'LOAN_ACCEPTED',
    title: 'Loan offer accepted',
    body: `The founder of "${input.projectTitle}" accepted your loan offer of ${principalOf(input)}; its collateral is reserved.`,
    data: loanData(input),
  };
}

export function loanDisbursed(input: LoanNotice & { party: LoanParty }): NewNotification {
  return {
    type: 'LOAN_DISBURSED',
    title: 'Loan disbursed',
    body: `${loanOf(input)} was disbursed.`,
    data: loanData(input),
  };
}

export function loanLapsed(input: LoanNotice & { party: LoanParty }): NewNotification {
  return {
    type: 'LOAN_LAPSED',
    title: 'Loan lapsed',
    body: `${loanOf(input)} lapsed: the linked equity round did not raise enough. Its collateral is free.`,
    data: loanData(input),
  };
}

export function loanDefaulted(input: LoanNotice & { party: LoanParty }): NewNotification {
  return {
    type: 'LOAN_DEFAULTED',
    title: 'Loan defaulted',
    body: `${loanOf(input)} is in default: an instalment stayed unpaid past the default threshold.`,
    data: loanData(input),
  };
}

export function compensationPaid(
  input: LoanNotice & { claimId: string; riskPoolId: string; compensation: number },
): NewNotification {
  return {
    type: 'COMPENSATION_PAID',
    title: 'Compensation paid',
    body: `The risk-compensation pool paid ${formatMoney(input.compensation, input.currency)} on the defaulted loan of ${principalOf(input)} to "${input.projectTitle}".`,
    data: {
      ...loanData(input),
      claimId: input.claimId,
      riskPoolId: input.riskPoolId,
      compensation: input.compensation,
    },
  };
}

const SHARE_COUNT = new Intl.NumberFormat('en-US');

function pledgedOf(pledge: PledgeNotice): string {
  return formatMoney(pledge.amount, pledge.currency);
}

function pledgeData(pledge: PledgeNotice): NewNotification['data'] {
  return { pledgeId: pledge.pledgeId, projectId: pledge.projectId, amount: pledge.amount, currency: pledge.currency };
}

function principalOf(loan: LoanNotice): string {
  return formatMoney(loan.principal, loan.currency);
}

/** "Your loan of CNY 1,000.00 for "P"" to the founder, "The loan of CNY 1,000.00 to "P"" to the bank. */
function loanOf(input: LoanNotice & { party: LoanParty }): string {
  return input.party === 'founder'
    ? `Your loan of ${principalOf(input)} for "${input.projectTitle}"`
    : `The loan of ${principalOf(input)} to "${input.projectTitle}"`;
}

function loanData(loan: LoanNotice): NewNotification['data'] {
  return { loanId: loan.loanId, projectId: loan.projectId, principal: loan.principal, currency: loan.currency };
}

/** 2026-12-24 12:00 UTC */
function minuteOf(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= RESOLUTION_PREVIEW_CHARS ? flat : `${flat.slice(0, RESOLUTION_PREVIEW_CHARS - 1)}…`;
}
