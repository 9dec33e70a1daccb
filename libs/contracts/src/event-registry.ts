import { ServiceName } from './services';
import { CampaignClosedV1, CampaignProgressV1 } from './events/campaign.events';
import {
  IpAssetDeclaredV1,
  ProjectApprovedV1,
  ProjectLiveV1,
  ProjectSubmittedV1,
  ProjectTermsChangedV1,
  ProjectWithdrawnV1,
} from './events/project.events';
import { UserProfileChangedV1, UserRegisteredV1 } from './events/user.events';
import { PledgeCancelledV1, PledgeCommittedV1 } from './events/pledge.events';
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
    consumers: ['investor'],
    payload: UserRegisteredV1,
    description: 'A user account was created (self-registered or by an admin).',
  },
  'user.profile-changed': {
    version: 1,
    producer: 'gateway',
    consumers: ['investor'],
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
    consumers: ['pledge', 'gateway'],
    payload: ProjectApprovedV1,
    description: 'An admin approved a project; it goes live at opensAt.',
  },
  'project.live': {
    version: 1,
    producer: 'project-listing',
    consumers: ['pledge', 'gateway', 'investor'],
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
    consumers: ['pledge', 'gateway', 'investor'],
    payload: ProjectWithdrawnV1,
    description: 'A founder withdrew a project before its close.',
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
    consumers: ['project-listing', 'investor'],
    payload: CampaignProgressV1,
    description: "A campaign's committed total or pledge count changed.",
  },
  'campaign.closed': {
    version: 1,
    producer: 'pledge',
    consumers: ['project-listing', 'gateway', 'investor'],
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
