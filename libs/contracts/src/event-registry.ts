import { ServiceName } from './services';
import { CampaignClosedV1, CampaignProgressV1, SharesIssuedV1 } from './events/campaign.events';
import {
  CompensationPaidV1,
  LoanAcceptedV1,
  LoanDefaultedV1,
  LoanDisbursedV1,
  LoanLapsedV1,
  LoanOfferedV1,
  WarrantGrantedV1,
} from './events/loan.events';
import {
  IpAssetDeclaredV1,
  ProjectAmendedV1,
  ProjectApprovedV1,
  ProjectLiveV1,
  ProjectSubmittedV1,
  ProjectTermsChangedV1,
  ProjectWithdrawnV1,
} from './events/project.events';
import { UserProfileChangedV1, UserRegisteredV1 } from './events/user.events';
import {
  PledgeCancelledV1,
  PledgeChargedV1,
  PledgeChargeRefundedV1,
  PledgeCommittedV1,
  PledgePaymentActionRequiredV1,
  PledgePaymentFailedV1,
  PledgeReconfirmationRequestedV1,
  PledgeReleasedV1,
} from './events/pledge.events';
import { InvestorEligibilityChangedV1 } from './events/investor.events';
import { ComplaintResolvedV1 } from './events/complaint.events';
import { InvestorMatchesFoundV1 } from './events/notification.events';

type PayloadClass = new () => object;

export interface EventContract<TPayload extends PayloadClass = PayloadClass> {
  readonly version: number;
  readonly producer: ServiceName;
  /** Every service that gets its own copy of the event, in its inbox queue. */
  readonly consumers: readonly ServiceName[];
  readonly payload: TPayload;
  readonly description: string;
}

/**
 * Every event in the marketplace, with its producer and its consumers: the one routing
 * table the outbox relay reads. Type names are stored in outboxes and queues: never rename.
 */
export const EVENT_CONTRACTS = {
  'user.registered': {
    version: 1,
    producer: 'gateway',
    consumers: ['investor', 'pledge'],
    payload: UserRegisteredV1,
    description: 'A user account was created (self-registered or by an admin).',
  },
  'user.profile-changed': {
    version: 1,
    producer: 'gateway',
    consumers: ['investor', 'pledge'],
    payload: UserProfileChangedV1,
    description: "A user's public profile (display name, organisation) changed.",
  },
  // Project events carry the whole project snapshot. The pledge service keeps its campaign
  // projection from them; other consumers (investor matching, notifications) join the
  // consumer lists when they have a handler: the wiring check refuses a route without one.
  'project.submitted': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway'],
    payload: ProjectSubmittedV1,
    description: 'A founder submitted a project for review.',
  },
  'project.approved': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway', 'loan-linkage'],
    payload: ProjectApprovedV1,
    description: 'An admin approved a project; it goes live at opensAt.',
  },
  'project.live': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway', 'investor', 'loan-linkage'],
    payload: ProjectLiveV1,
    description: 'A project opened for pledges.',
  },
  'project.terms-changed': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway'],
    payload: ProjectTermsChangedV1,
    description: 'A founder edited a project (only possible in DRAFT or CHANGES_REQUESTED).',
  },
  'project.withdrawn': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway', 'investor', 'loan-linkage'],
    payload: ProjectWithdrawnV1,
    description: 'A founder withdrew a project before its close.',
  },
  'project.amended': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway', 'loan-linkage'],
    payload: ProjectAmendedV1,
    description: 'A material change (deadline, price, valuation, target) to a LIVE project.',
  },
  'ip-asset.declared': {
    version: 1,
    producer: 'project-listing',
    consumers: ['loan-linkage'],
    payload: IpAssetDeclaredV1,
    description: 'A company declared an IP right with a project: possible loan collateral.',
  },
  // The pledge service's campaign aggregate: aggregateId is the project's id, and the
  // aggregate version counts the campaign's changes, so stale progress is ignored.
  'campaign.progress': {
    version: 1,
    producer: 'pledge',
    consumers: ['project-listing', 'investor', 'loan-linkage'],
    payload: CampaignProgressV1,
    description: "A campaign's committed total or pledge count changed.",
  },
  'campaign.closed': {
    version: 1,
    producer: 'pledge',
    consumers: ['project-listing', 'gateway', 'investor', 'loan-linkage'],
    payload: CampaignClosedV1,
    description: 'A campaign was settled: FUNDED or FAILED, with its final totals.',
  },
  // The pledge aggregate: aggregateId is the pledge's id, aggregateVersion the pledge's
  // version. The investor service counts them against the rolling 12-month limits.
  'pledge.committed': {
    version: 1,
    producer: 'pledge',
    consumers: ['investor', 'gateway'],
    payload: PledgeCommittedV1,
    description: 'An investor committed a pledge to a campaign.',
  },
  'pledge.cancelled': {
    version: 1,
    producer: 'pledge',
    consumers: ['investor', 'gateway'],
    payload: PledgeCancelledV1,
    description: 'An investor cancelled (or revoked) a pledge before it was charged.',
  },
  'pledge.reconfirmation-requested': {
    version: 1,
    producer: 'pledge',
    consumers: ['gateway'],
    payload: PledgeReconfirmationRequestedV1,
    description: 'A material change to the campaign: the investor must reconfirm the pledge in time.',
  },
  'pledge.charged': {
    version: 1,
    producer: 'pledge',
    consumers: ['gateway'],
    payload: PledgeChargedV1,
    description: "The pledge's saved payment method was charged at the close.",
  },
  'pledge.payment-action-required': {
    version: 1,
    producer: 'pledge',
    consumers: ['gateway'],
    payload: PledgePaymentActionRequiredV1,
    description: 'A soft decline at the close: the investor may give a new payment method in the fix window.',
  },
  'pledge.payment-failed': {
    version: 1,
    producer: 'pledge',
    consumers: ['investor', 'gateway'],
    payload: PledgePaymentFailedV1,
    description: 'A hard decline or an expired fix window: nothing was taken; the pledge stops counting.',
  },
  'pledge.released': {
    version: 1,
    producer: 'pledge',
    consumers: ['investor', 'gateway'],
    payload: PledgeReleasedV1,
    description: 'The campaign failed: nothing was taken or the charge was refunded; the pledge stops counting.',
  },
  'pledge.charge-refunded': {
    version: 1,
    producer: 'pledge',
    consumers: ['gateway'],
    payload: PledgeChargeRefundedV1,
    description:
      'A charge the pledge does not keep (taken during its cancellation, or a late older attempt) was refunded.',
  },
  // aggregateId is the project's id. The gateway tells each new shareholder.
  'shares.issued': {
    version: 1,
    producer: 'pledge',
    consumers: ['gateway'],
    payload: SharesIssuedV1,
    description: "A FUNDED equity campaign's shares were written to its cap table.",
  },
  // The loan aggregate: aggregateId is the loan's id, aggregateVersion counts its transitions.
  // The gateway notifies the founder and the bank user who made the offer.
  'loan.offered': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: LoanOfferedV1,
    description: "A bank offered a loan against a project's IP, linked to its equity round.",
  },
  'loan.accepted': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: LoanAcceptedV1,
    description: 'The founder accepted a loan offer; its collateral is reserved.',
  },
  'loan.disbursed': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: LoanDisbursedV1,
    description: 'The linked round was FUNDED with enough and the collateral registered: the loan was paid out.',
  },
  'loan.lapsed': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: LoanLapsedV1,
    description: 'The linked round failed or raised less than minEquityRaised; the collateral is free.',
  },
  'loan.defaulted': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: LoanDefaultedV1,
    description: 'An instalment stayed unpaid past the default threshold (90 days by default).',
  },
  'compensation.paid': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['gateway'],
    payload: CompensationPaidV1,
    description: "A risk-compensation pool paid its share of a defaulted loan's unrecovered principal.",
  },
  'warrant.granted': {
    version: 1,
    producer: 'loan-linkage',
    consumers: ['pledge'],
    payload: WarrantGrantedV1,
    description: "A disbursed warrant loan gave the bank an option on the company's equity (cap table).",
  },
  // The investor aggregate: aggregateId is the user's id, aggregateVersion the profile's
  // version. The whole eligibility snapshot, so the pledge service decides pledges locally.
  'investor.eligibility-changed': {
    version: 1,
    producer: 'investor',
    consumers: ['pledge'],
    payload: InvestorEligibilityChangedV1,
    description: 'Something a pledge decision needs changed: KYC, accreditation, finances, EU tests, CN inputs.',
  },
  // The complaint aggregate: aggregateId is the complaint's id, aggregateVersion the number
  // of lines in its history (FILED is 1, RESOLVED 2). The gateway notifies the complainant.
  'complaint.resolved': {
    version: 1,
    producer: 'project-listing',
    consumers: ['gateway'],
    payload: ComplaintResolvedV1,
    description: "An admin resolved an investor's complaint about a project.",
  },
  // Matching: aggregateId is the project's id. The gateway notifies each investor listed.
  'investor.matches-found': {
    version: 1,
    producer: 'investor',
    consumers: ['gateway'],
    payload: InvestorMatchesFoundV1,
    description: 'Investors whose preferences match a project that went live (at most 100 per event).',
  },
} as const satisfies Record<string, EventContract>;

export type EventType = keyof typeof EVENT_CONTRACTS;

export type EventPayload<T extends EventType> = InstanceType<(typeof EVENT_CONTRACTS)[T]['payload']>;

export type Event<T extends EventType = EventType> = {
  [K in T]: import('./event-envelope').EventEnvelope<K, EventPayload<K>>;
}[T];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, type);
}

export function contractOf(type: EventType): EventContract {
  return EVENT_CONTRACTS[type];
}

export function eventTypesProducedBy(service: ServiceName): EventType[] {
  return (Object.keys(EVENT_CONTRACTS) as EventType[]).filter((t) => EVENT_CONTRACTS[t].producer === service);
}

export function eventTypesConsumedBy(service: ServiceName): EventType[] {
  return (Object.keys(EVENT_CONTRACTS) as EventType[]).filter((t) =>
    (EVENT_CONTRACTS[t].consumers as readonly ServiceName[]).includes(service),
  );
}
