import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  deliveryJobId,
  Event,
  EVENT_CONTRACTS,
  EventPayload,
  EventType,
  inboxQueueName,
  LoanSnapshotV1,
} from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { investorService } from '../../investor/src/investor.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { closingFigures, publishFrom } from '../../../test/support/backbone';
import {
  Actor,
  call,
  createCompany,
  expectError,
  Harness,
  ProjectView,
  query,
  register,
  startHarness,
  liveProject as liveProjectOf,
} from '../../project-listing/test/project-listing.harness';

/*
 * The notification inbox at the gateway, fed through the real backbone: project-listing's
 * own flows (projects, complaints) and events published by the pledge and investor
 * services' outboxes, relayed to gateway.inbox and handled there.
 */

interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

let h: Harness;
let pledge: RunningService;
let investor: RunningService;
let founder: Actor;
let companyId: string;

beforeAll(async () => {
  h = await startHarness();
  [pledge, investor] = await Promise.all([
    startTestService(pledgeService, h.world),
    startTestService(investorService, h.world),
  ]);
  founder = await register(h, 'founder');
  companyId = await createCompany(h, founder);
});

afterAll(async () => {
  await investor?.close();
  await pledge?.close();
  await h?.close();
});

/** A US equity project, LIVE since an hour ago for 30 days, known to the gateway's projection. */
async function liveProject(title: string): Promise<ProjectView & { closesAt: string }> {
  const project = await liveProjectOf(h, founder, companyId, { title });
  await eventually(async () => {
    const rows = await query<{ status: string }>(
      h,
      `SELECT status FROM gateway.notification_projects WHERE project_id = $1`,
      [project.id],
    );
    expect(rows[0]?.status).toBe('LIVE');
  });
  return project as ProjectView & { closesAt: string };
}

function committed(
  projectId: string,
  investorId: string,
  amount: number,
  extra: Partial<EventPayload<'pledge.committed'>> = {},
): EventPayload<'pledge.committed'> & { pledgeId: string } {
  return {
    pledgeId: newId(),
    projectId,
    investorId,
    jurisdiction: 'US',
    currency: 'USD',
    amount,
    committedAt: new Date().toISOString(),
    ...extra,
  };
}

/** The figures every pledge event carries, for a fresh pledge of `amount` USD cents. */
function pledgeFigures(projectId: string, investorId: string, amount: number) {
  return { pledgeId: newId(), projectId, investorId, jurisdiction: 'US' as const, currency: 'USD', amount };
}

/** A bank user made by the admin, logged in. */
async function bankUser(): Promise<Actor> {
  const credentials = {
    email: `banker.${randomBytes(6).toString('hex')}@example.com`,
    password: 'correct-horse-battery',
  };
  const created = await call(h.gateway, 'POST', '/v1/admin/users', {
    token: h.admin.token,
    body: { ...credentials, role: 'bank', displayName: 'Loan Officer', organization: 'Bank of Lingnan' },
  });
  expect(created.status).toBe(201);
  const login = await call<{ accessToken: string; user: { id: string } }>(h.gateway, 'POST', '/v1/auth/login', {
    body: credentials,
  });
  return { id: login.body.user.id, token: login.body.accessToken };
}

async function inbox(actor: Actor, search = ''): Promise<NotificationPage> {
  const answer = await call<NotificationPage>(h.gateway, 'GET', `/v1/notifications${search}`, { token: actor.token });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until the actor has `count` notifications of `type` (and returns them). */
async function arrived(actor: Actor, type: string, count = 1): Promise<NotificationView[]> {
  return eventually(async () => {
    const items = (await inbox(actor, '?limit=100')).items.filter((item) => item.type === type);
    expect(items).toHaveLength(count);
    return items;
  });
}

/** Everything the gateway holds for these users, by type: proves who got nothing. */
async function typesHeldBy(...actors: Actor[]): Promise<Record<string, string[]>> {
  const held: Record<string, string[]> = {};
  for (const actor of actors) held[actor.id] = (await inbox(actor, '?limit=100')).items.map((item) => item.type);
  return held;
}

/** Waits until the gateway's inbox has handled every event the services have sent so far. */
async function drained(): Promise<void> {
  await eventually(async () => {
    const rows = await query<{ n: number }>(
      h,
      `SELECT (SELECT count(*) FROM project_listing.outbox WHERE published_at IS NULL)::int
            + (SELECT count(*) FROM pledge.outbox WHERE published_at IS NULL)::int
            + (SELECT count(*) FROM investor.outbox WHERE published_at IS NULL)::int AS n`,
    );
    expect(rows[0]!.n).toBe(0);
  });
  const queue = gatewayInbox();
  try {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(0);
    });
  } finally {
    await queue.close();
  }
}

/**
 * Puts an event on gateway.inbox as the relay of its producer would. For producers that may
 * not run in this world (loan-linkage is built concurrently): an outbox refuses an event type
 * whose registered producer is another service.
 */
async function deliverToGateway<T extends EventType>(
  type: T,
  aggregateId: string,
  aggregateVersion: number,
  payload: EventPayload<T>,
): Promise<void> {
  await deliverAllToGateway([envelopeOf(type, aggregateId, aggregateVersion, payload)]);
}

/** Puts several events on gateway.inbox at once, as one relay batch does. */
async function deliverAllToGateway(events: Event[]): Promise<void> {
  const queue = gatewayInbox();
  try {
    await queue.addBulk(
      events.map((event) => ({ name: event.type, data: event, opts: { jobId: deliveryJobId(event.id, 'gateway') } })),
    );
  } finally {
    await queue.close();
  }
}

function envelopeOf<T extends EventType>(
  type: T,
  aggregateId: string,
  aggregateVersion: number,
  payload: EventPayload<T>,
): Event {
  const { version, producer } = EVENT_CONTRACTS[type];
  return {
    id: newId(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer,
    aggregateId,
    aggregateVersion,
    payload,
  } as unknown as Event;
}

function gatewayInbox(): Queue {
  return new Queue(inboxQueueName('gateway'), {
    connection: { url: h.world.env.REDIS_URL },
    prefix: h.world.redisPrefix,
  });
}

describe('who gets what', () => {
  it('a committed pledge tells its investor, with the amount and the US deadline (48 hours before the close)', async () => {
    const project = await liveProject('Lumen Robots');
    const [backer, bystander] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const pledgeEvent = committed(project.id, backer.id, 250_000);

    await publishFrom(pledge, 'pledge.committed', pledgeEvent.pledgeId, 1, pledgeEvent);

    const [notification] = await arrived(backer, 'PLEDGE_CONFIRMED');
    const deadline = new Date(Date.parse(project.closesAt) - 48 * 3600_000);
    expect(notification).toEqual({
      id: expect.any(String),
      type: 'PLEDGE_CONFIRMED',
      title: 'Pledge confirmed',
      body: `Your pledge of USD 2,500.00 to "Lumen Robots" is confirmed. You can cancel it until ${deadline
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ')} UTC.`,
      data: {
        pledgeId: pledgeEvent.pledgeId,
        projectId: project.id,
        amount: 250_000,
        currency: 'USD',
        cancellableUntil: deadline.toISOString(),
      },
      createdAt: expect.any(String),
      readAt: null,
    });
    await drained();
    expect(await typesHeldBy(bystander, founder)).toEqual({
      [bystander.id]: [],
      [founder.id]: expect.not.arrayContaining(['PLEDGE_CONFIRMED']),
    });
  });

  it("a pledge that carries the pledge service's own deadline is told with that one", async () => {
    const project = await liveProject('Deadline Carrier');
    const [euSophisticated, other] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const none = committed(project.id, euSophisticated.id, 5_000, { cancellableUntil: null });
    const given = committed(project.id, other.id, 7_000, { cancellableUntil: '2030-01-02T03:04:00.000Z' });

    await publishFrom(pledge, 'pledge.committed', none.pledgeId, 1, none);
    await publishFrom(pledge, 'pledge.committed', given.pledgeId, 1, given);

    expect((await arrived(euSophisticated, 'PLEDGE_CONFIRMED'))[0]!.body).toBe(
      'Your pledge of USD 50.00 to "Deadline Carrier" is confirmed. It cannot be cancelled.',
    );
    expect((await arrived(other, 'PLEDGE_CONFIRMED'))[0]!.body).toContain(
      'You can cancel it until 2030-01-02 03:04 UTC.',
    );
  });

  it.each([
    ['FUNDED', 'CAMPAIGN_FUNDED', 'Campaign funded'],
    ['FAILED', 'CAMPAIGN_FAILED', 'Campaign failed'],
  ] as const)(
    'a campaign closed %s tells the owner and every investor still in it, and no one else',
    async (outcome, type, title) => {
      const project = await liveProject(`Closing ${outcome}`);
      const [first, second, cancelled, stranger] = await Promise.all([
        register(h, 'investor'),
        register(h, 'investor'),
        register(h, 'investor'),
        register(h, 'investor'),
      ]);
      const pledges = [
        committed(project.id, first.id, 100_000),
        committed(project.id, first.id, 50_000),
        committed(project.id, second.id, 200_000),
        committed(project.id, cancelled.id, 300_000),
      ];
      for (const event of pledges) await publishFrom(pledge, 'pledge.committed', event.pledgeId, 1, event);
      // the confirmation first: a cancellation handled before its commit rightly silences it
      await arrived(cancelled, 'PLEDGE_CONFIRMED');
      const { pledgeId, projectId, investorId, jurisdiction, currency, amount } = pledges[3]!;
      await publishFrom(pledge, 'pledge.cancelled', pledgeId, 2, {
        ...{ pledgeId, projectId, investorId, jurisdiction, currency, amount },
        cancelledAt: new Date().toISOString(),
      });
      await drained();

      await publishFrom(pledge, 'campaign.closed', project.id, 9, {
        projectId: project.id,
        currency: 'USD',
        raised: 350_000,
        pledgeCount: 3,
        outcome,
        ...closingFigures,
      });

      const [owners] = await arrived(founder, type);
      expect(owners).toMatchObject({
        title,
        data: { projectId: project.id, outcome, raised: 350_000, currency: 'USD' },
      });
      expect(owners!.body).toContain(`Your campaign "Closing ${outcome}"`);
      expect(owners!.body).toContain(outcome === 'FUNDED' ? 'USD 3,500.00' : 'short of its target');
      for (const backer of [first, second]) {
        const [told] = await arrived(backer, type);
        expect(told!.title).toBe(title);
        expect(told!.body).toContain('which you backed');
      }
      await drained();
      expect(await typesHeldBy(cancelled, stranger)).toEqual({
        [cancelled.id]: ['PLEDGE_CONFIRMED'],
        [stranger.id]: [],
      });
    },
  );

  it('a burst of pledges over two projects tells each investor once per pledge, and no one else', async () => {
    const [solar, wind] = await Promise.all([liveProject('Solar Burst'), liveProject('Wind Burst')]);
    const investors = await Promise.all(Array.from({ length: 6 }, () => register(h, 'investor')));
    // investor n pledges n + 1 times, alternating projects: 21 pledges in all
    const pledges = investors.flatMap((investor, n) =>
      Array.from({ length: n + 1 }, (_, k) =>
        committed(k % 2 === 0 ? solar.id : wind.id, investor.id, 10_000 * (k + 1)),
      ),
    );
    // one more pledge, cancelled before its commit is handled: it must stay silent
    const quitter = await register(h, 'investor');
    const withdrawn = committed(solar.id, quitter.id, 70_000);
    const { pledgeId, projectId, investorId, jurisdiction, currency, amount } = withdrawn;
    await deliverToGateway('pledge.cancelled', pledgeId, 2, {
      ...{ pledgeId, projectId, investorId, jurisdiction, currency, amount },
      cancelledAt: new Date().toISOString(),
    });
    await drained();
    await deliverAllToGateway(
      [...pledges, withdrawn].map((event) => envelopeOf('pledge.committed', event.pledgeId, 1, event)),
    );

    for (const [n, investor] of investors.entries()) {
      const told = await arrived(investor, 'PLEDGE_CONFIRMED', n + 1);
      const mine = pledges.filter((event) => event.investorId === investor.id);
      expect(new Set(told.map((notice) => notice.data.pledgeId))).toEqual(new Set(mine.map((event) => event.pledgeId)));
      for (const notice of told) {
        const event = mine.find((candidate) => candidate.pledgeId === notice.data.pledgeId)!;
        expect(notice.body).toContain(event.projectId === solar.id ? '"Solar Burst"' : '"Wind Burst"');
        expect(notice.data.amount).toBe(event.amount);
      }
    }
    expect(await typesHeldBy(quitter)).toEqual({ [quitter.id]: [] });
  });

  it('a backer whose payment failed at the close is not told the campaign is funded', async () => {
    const project = await liveProject('Declined Card');
    const [charged, declined] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const [goodFigures, badFigures] = [
      pledgeFigures(project.id, charged.id, 10_000),
      pledgeFigures(project.id, declined.id, 20_000),
    ];
    const [good, bad] = [goodFigures, badFigures].map((figures) => ({
      ...figures,
      committedAt: new Date().toISOString(),
    }));
    for (const event of [good!, bad!]) await publishFrom(pledge, 'pledge.committed', event.pledgeId, 1, event);
    await arrived(declined, 'PLEDGE_CONFIRMED');
    await publishFrom(pledge, 'pledge.charged', goodFigures.pledgeId, 2, {
      ...goodFigures,
      chargedAt: new Date().toISOString(),
    });
    await publishFrom(pledge, 'pledge.payment-failed', badFigures.pledgeId, 2, {
      ...badFigures,
      declineCode: 'card_declined',
      failedAt: new Date().toISOString(),
    });
    await arrived(declined, 'PAYMENT_FAILED');
    await arrived(charged, 'PLEDGE_CHARGED');

    await publishFrom(pledge, 'campaign.closed', project.id, 5, {
      projectId: project.id,
      currency: 'USD',
      raised: 10_000,
      pledgeCount: 1,
      outcome: 'FUNDED',
      ...closingFigures,
    });
    await arrived(charged, 'CAMPAIGN_FUNDED');
    await drained();
    expect((await typesHeldBy(declined))[declined.id]).not.toContain('CAMPAIGN_FUNDED');
  });

  it('a backer whose pledge event is handled after the close still hears the outcome, once', async () => {
    const project = await liveProject('Late Pledge');
    const [early, late] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const earlyPledge = committed(project.id, early.id, 10_000);
    await publishFrom(pledge, 'pledge.committed', earlyPledge.pledgeId, 1, earlyPledge);
    await arrived(early, 'PLEDGE_CONFIRMED');

    await publishFrom(pledge, 'campaign.closed', project.id, 5, {
      projectId: project.id,
      currency: 'USD',
      raised: 30_000,
      pledgeCount: 2,
      outcome: 'FUNDED',
      ...closingFigures,
    });
    await arrived(early, 'CAMPAIGN_FUNDED');
    const latePledge = committed(project.id, late.id, 20_000);
    await publishFrom(pledge, 'pledge.committed', latePledge.pledgeId, 1, latePledge);

    const [told] = await arrived(late, 'CAMPAIGN_FUNDED');
    expect(told!.body).toBe('"Late Pledge", which you backed, is funded with USD 300.00 raised.');
    await arrived(late, 'PLEDGE_CONFIRMED');
    await drained();
    const founders = (await inbox(founder, '?limit=100')).items.filter((item) => item.data.projectId === project.id);
    expect(founders.map((item) => item.type)).toEqual(['CAMPAIGN_FUNDED']);
    expect(await arrived(early, 'CAMPAIGN_FUNDED')).toHaveLength(1);
  });

  it('a resolved complaint tells the investor who filed it, from the same transaction as the resolution', async () => {
    const project = await liveProject('Complained About');
    const [complainant, other] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const filed = await call<{ id: string }>(h.listing, 'POST', `/v1/projects/${project.id}/complaints`, {
      token: complainant.token,
      body: { subject: 'Misleading numbers', body: 'The revenue figure looks wrong.' },
    });
    expect(filed.status).toBe(201);

    const resolved = await call(h.listing, 'POST', `/v1/admin/complaints/${filed.body.id}/resolve`, {
      token: h.admin.token,
      body: { resolution: 'The founder corrected the figure.' },
    });
    expect(resolved.status).toBe(200);

    const [notification] = await arrived(complainant, 'COMPLAINT_RESOLVED');
    expect(notification).toMatchObject({
      title: 'Complaint resolved',
      body: 'Your complaint about "Complained About" was resolved: The founder corrected the figure.',
      data: { complaintId: filed.body.id, projectId: project.id },
    });
    const outbox = await query<{ aggregate_id: string; aggregate_version: number }>(
      h,
      `SELECT aggregate_id, aggregate_version::int FROM project_listing.outbox WHERE event_type = 'complaint.resolved'
        AND aggregate_id = $1`,
      [filed.body.id],
    );
    expect(outbox).toEqual([{ aggregate_id: filed.body.id, aggregate_version: 2 }]);
    await drained();
    expect(await typesHeldBy(other)).toEqual({ [other.id]: [] });
  });

  it('a resolution refused (already resolved) publishes nothing more', async () => {
    const project = await liveProject('Complained Twice');
    const complainant = await register(h, 'investor');
    const filed = await call<{ id: string }>(h.listing, 'POST', `/v1/projects/${project.id}/complaints`, {
      token: complainant.token,
      body: { subject: 'Again', body: 'Still wrong.' },
    });
    const resolve = () =>
      call(h.listing, 'POST', `/v1/admin/complaints/${filed.body.id}/resolve`, {
        token: h.admin.token,
        body: { resolution: 'Done.' },
      });
    expect((await resolve()).status).toBe(200);
    expectError(await resolve(), 409, 'COMPLAINT_ALREADY_RESOLVED');

    await arrived(complainant, 'COMPLAINT_RESOLVED');
    const outbox = await query<{ n: number }>(
      h,
      `SELECT count(*)::int AS n FROM project_listing.outbox WHERE aggregate_id = $1`,
      [filed.body.id],
    );
    expect(outbox[0]!.n).toBe(1);
  });

  it('matches found for a live project tell each listed investor, and no one else', async () => {
    const project = await liveProject('Matching Project');
    const [matched, alsoMatched, unmatched] = await Promise.all([
      register(h, 'investor'),
      register(h, 'investor'),
      register(h, 'investor'),
    ]);

    await publishFrom(investor, 'investor.matches-found', project.id, 1, {
      projectId: project.id,
      projectTitle: 'Matching Project',
      investorIds: [matched.id, alsoMatched.id],
    });

    for (const actor of [matched, alsoMatched]) {
      const [told] = await arrived(actor, 'MATCHING_PROJECT_LIVE');
      expect(told).toMatchObject({
        title: 'A project for you is live',
        body: '"Matching Project" matches your preferences and is open for pledges.',
        data: { projectId: project.id },
      });
    }
    await drained();
    expect(await typesHeldBy(unmatched, founder)).toEqual({
      [unmatched.id]: [],
      [founder.id]: expect.not.arrayContaining(['MATCHING_PROJECT_LIVE']),
    });
  });
});

describe('settlement and amendments', () => {
  it('each pledge event at the close tells its investor, in words of its own, and no one else', async () => {
    const project = await liveProject('Settled Robots');
    const [reconfirming, charged, fixing, failed, released, refunded, returned, bystander] = await Promise.all(
      Array.from({ length: 8 }, () => register(h, 'investor')),
    );
    const at = '2026-12-07T17:00:00.000Z';
    const figures = (actor: Actor) => pledgeFigures(project.id, actor.id, 250_000);
    const reconfirmation = figures(reconfirming);

    await publishFrom(pledge, 'pledge.reconfirmation-requested', reconfirmation.pledgeId, 2, {
      ...reconfirmation,
      reconfirmBy: at,
    });
    const chargedPledge = figures(charged);
    await publishFrom(pledge, 'pledge.charged', chargedPledge.pledgeId, 2, { ...chargedPledge, chargedAt: at });
    const fixingPledge = figures(fixing);
    await publishFrom(pledge, 'pledge.payment-action-required', fixingPledge.pledgeId, 2, {
      ...fixingPledge,
      declineCode: 'insufficient_funds',
      fixBy: '2026-12-14T17:00:00.000Z',
    });
    const failedPledge = figures(failed);
    await publishFrom(pledge, 'pledge.payment-failed', failedPledge.pledgeId, 2, {
      ...failedPledge,
      declineCode: 'card_declined',
      failedAt: at,
    });
    const releasedPledge = figures(released);
    await publishFrom(pledge, 'pledge.released', releasedPledge.pledgeId, 2, {
      ...releasedPledge,
      reason: 'CAMPAIGN_FAILED',
      releasedAt: at,
    });
    const refundedPledge = figures(refunded);
    await publishFrom(pledge, 'pledge.released', refundedPledge.pledgeId, 3, {
      ...refundedPledge,
      reason: 'REFUNDED',
      releasedAt: at,
    });

    const returnedPledge = figures(returned);
    await publishFrom(pledge, 'pledge.charge-refunded', returnedPledge.pledgeId, 3, {
      ...returnedPledge,
      refundedAmount: 250_000,
      refundedAt: at,
    });

    expect((await arrived(reconfirming, 'RECONFIRMATION_REQUESTED'))[0]).toMatchObject({
      title: 'Reconfirm your pledge',
      body: '"Settled Robots" changed its terms materially. Reconfirm your pledge of USD 2,500.00 by 2026-12-07 17:00 UTC, or it is cancelled.',
      data: { pledgeId: reconfirmation.pledgeId, projectId: project.id, reconfirmBy: at },
    });
    expect((await arrived(charged, 'PLEDGE_CHARGED'))[0]).toMatchObject({
      body: 'Your pledge of USD 2,500.00 to "Settled Robots" was charged.',
      data: { pledgeId: chargedPledge.pledgeId, amount: 250_000, currency: 'USD' },
    });
    expect((await arrived(fixing, 'PAYMENT_ACTION_REQUIRED'))[0]!.body).toContain(
      'Give a new payment method by 2026-12-14 17:00 UTC',
    );
    expect((await arrived(failed, 'PAYMENT_FAILED'))[0]!.data).toMatchObject({ declineCode: 'card_declined' });
    expect((await arrived(released, 'PLEDGE_RELEASED'))[0]!.body).toBe(
      '"Settled Robots" did not reach its target: your pledge of USD 2,500.00 is released and nothing was taken.',
    );
    expect((await arrived(refunded, 'PLEDGE_RELEASED'))[0]!.data).toMatchObject({ reason: 'REFUNDED' });
    expect((await arrived(returned, 'CHARGE_REFUNDED'))[0]).toMatchObject({
      title: 'Charge refunded',
      body: 'A charge of USD 2,500.00 for your pledge to "Settled Robots" was taken after the pledge no longer needed it, and has been refunded in full.',
      data: { pledgeId: returnedPledge.pledgeId, refundedAmount: 250_000, currency: 'USD' },
    });
    await drained();
    expect(await typesHeldBy(reconfirming, charged, fixing, failed, released, refunded, returned, bystander)).toEqual({
      [reconfirming.id]: ['RECONFIRMATION_REQUESTED'],
      [charged.id]: ['PLEDGE_CHARGED'],
      [fixing.id]: ['PAYMENT_ACTION_REQUIRED'],
      [failed.id]: ['PAYMENT_FAILED'],
      [released.id]: ['PLEDGE_RELEASED'],
      [refunded.id]: ['PLEDGE_RELEASED'],
      [returned.id]: ['CHARGE_REFUNDED'],
      [bystander.id]: [],
    });
  });

  it('an amended project notifies no one by itself, and later notices use its new title', async () => {
    const project = await liveProject('Before Amendment');
    const investorActor = await register(h, 'investor');
    const [live] = await query<{ payload: EventPayload<'project.live'>; aggregate_version: number }>(
      h,
      `SELECT payload, aggregate_version::int FROM project_listing.outbox
        WHERE event_type = 'project.live' AND aggregate_id = $1`,
      [project.id],
    );
    const founderHeld = (await inbox(founder, '?limit=100')).items.length;
    const version = live!.aggregate_version + 1;

    await publishFrom(h.listing, 'project.amended', project.id, version, {
      ...live!.payload,
      projectVersion: version,
      title: 'After Amendment',
      changedTerms: ['closesAt'],
      reason: 'More time for the round',
      amendedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const rows = await query<{ title: string }>(
        h,
        `SELECT title FROM gateway.notification_projects WHERE project_id = $1`,
        [project.id],
      );
      expect(rows[0]?.title).toBe('After Amendment');
    });
    const reconfirmation = pledgeFigures(project.id, investorActor.id, 10_000);
    await publishFrom(pledge, 'pledge.reconfirmation-requested', reconfirmation.pledgeId, 2, {
      ...reconfirmation,
      reconfirmBy: '2026-12-07T17:00:00.000Z',
    });

    expect((await arrived(investorActor, 'RECONFIRMATION_REQUESTED'))[0]!.body).toContain('"After Amendment"');
    await drained();
    expect((await inbox(founder, '?limit=100')).items).toHaveLength(founderHeld);
  });

  it('issued shares tell each holder their own count, and no one else', async () => {
    const project = await liveProject('Share Issuer');
    const [first, second, bystander] = await Promise.all([
      register(h, 'investor'),
      register(h, 'investor'),
      register(h, 'investor'),
    ]);

    await publishFrom(pledge, 'shares.issued', project.id, 10, {
      projectId: project.id,
      shareClass: 'Common',
      currency: 'USD',
      pricePerShare: 100,
      holdings: [
        { investorId: first.id, shares: 2_500, amount: 250_000 },
        { investorId: second.id, shares: 10, amount: 1_000 },
      ],
    });

    expect((await arrived(first, 'SHARES_ISSUED'))[0]).toMatchObject({
      title: 'Shares issued',
      body: 'You now hold 2,500 shares of Common in "Share Issuer", for USD 2,500.00.',
      data: { projectId: project.id, shares: 2_500, amount: 250_000 },
    });
    expect((await arrived(second, 'SHARES_ISSUED'))[0]!.body).toBe(
      'You now hold 10 shares of Common in "Share Issuer", for USD 10.00.',
    );
    await drained();
    expect(await typesHeldBy(bystander)).toEqual({ [bystander.id]: [] });
  });
});

describe('linked loans', () => {
  let borrower: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let loan: LoanSnapshotV1;

  beforeAll(async () => {
    [borrower, bank, otherBank] = await Promise.all([register(h, 'founder'), bankUser(), bankUser()]);
    loan = {
      loanId: newId(),
      projectId: newId(),
      projectTitle: 'Patent Holder',
      founderId: borrower.id,
      bankUserId: bank.id,
      bankOrganizationId: newId(),
      status: 'OFFERED',
      principal: 5_000_000,
      currency: 'CNY',
      occurredAt: new Date().toISOString(),
    };
  });

  it('each loan event reaches its founder, its bank user or both, and no other bank', async () => {
    await deliverToGateway('loan.offered', loan.loanId, 1, loan);
    await deliverToGateway('loan.accepted', loan.loanId, 2, { ...loan, status: 'ACCEPTED' });
    await deliverToGateway('loan.disbursed', loan.loanId, 3, { ...loan, status: 'DISBURSED' });
    await deliverToGateway('loan.defaulted', loan.loanId, 4, { ...loan, status: 'DEFAULTED' });
    await deliverToGateway('compensation.paid', loan.loanId, 5, {
      ...loan,
      status: 'COMPENSATED',
      claimId: newId(),
      riskPoolId: newId(),
      compensation: 2_700_000,
    });

    expect((await arrived(borrower, 'LOAN_OFFERED'))[0]).toMatchObject({
      title: 'Loan offer received',
      body: 'A bank offered a loan of CNY 50,000.00 against the IP of "Patent Holder", linked to its equity round.',
      data: { loanId: loan.loanId, projectId: loan.projectId, principal: 5_000_000, currency: 'CNY' },
    });
    expect((await arrived(bank, 'LOAN_ACCEPTED'))[0]!.title).toBe('Loan offer accepted');
    expect((await arrived(borrower, 'LOAN_DISBURSED'))[0]!.body).toBe(
      'Your loan of CNY 50,000.00 for "Patent Holder" was disbursed.',
    );
    expect((await arrived(bank, 'LOAN_DISBURSED'))[0]!.body).toBe(
      'The loan of CNY 50,000.00 to "Patent Holder" was disbursed.',
    );
    await arrived(borrower, 'LOAN_DEFAULTED');
    await arrived(bank, 'LOAN_DEFAULTED');
    expect((await arrived(bank, 'COMPENSATION_PAID'))[0]!.data).toMatchObject({ compensation: 2_700_000 });
    await drained();
    const held = await typesHeldBy(borrower, bank, otherBank);
    expect(held[borrower.id]!.sort()).toEqual(['LOAN_DEFAULTED', 'LOAN_DISBURSED', 'LOAN_OFFERED']);
    expect(held[bank.id]!.sort()).toEqual(['COMPENSATION_PAID', 'LOAN_ACCEPTED', 'LOAN_DEFAULTED', 'LOAN_DISBURSED']);
    expect(held[otherBank.id]).toEqual([]);
  });

  it('a lapsed loan tells both parties', async () => {
    const lapsed = { ...loan, loanId: newId(), status: 'LAPSED' as const };

    await deliverToGateway('loan.lapsed', lapsed.loanId, 2, lapsed);

    expect((await arrived(borrower, 'LOAN_LAPSED'))[0]!.body).toBe(
      'Your loan of CNY 50,000.00 for "Patent Holder" lapsed: the linked equity round did not raise enough. Its collateral is free.',
    );
    expect((await arrived(bank, 'LOAN_LAPSED'))[0]!.data).toMatchObject({ loanId: lapsed.loanId });
  });
});

describe('reading the inbox', () => {
  let reader: Actor;
  let other: Actor;

  /** Gives `actor` n notifications, one matches-found event each, all in one transaction. */
  async function give(actor: Actor, n: number): Promise<void> {
    const publisher = investor.app.get(OutboxPublisher);
    await investor.app.get<DataSource>(getDataSourceToken()).transaction(async (manager) => {
      for (let index = 0; index < n; index++) {
        const projectId = newId();
        await publisher.publish(manager, 'investor.matches-found', {
          aggregateId: projectId,
          aggregateVersion: 1,
          payload: { projectId, projectTitle: `Project ${index}`, investorIds: [actor.id] },
        });
      }
    });
  }

  beforeAll(async () => {
    [reader, other] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    await give(reader, 25);
    await give(other, 1);
    await eventually(async () => {
      const counts = [(await inbox(reader)).unreadCount, (await inbox(other)).unreadCount];
      if (counts.join() !== '25,1') throw new Error(`unread so far: ${counts.join()}`);
    });
  });

  it('pages newest first with a keyset cursor: every notification once, limit 20 by default', async () => {
    const first = await inbox(reader);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));

    const seen: NotificationView[] = [];
    let cursor: string | null = null;
    do {
      const page: NotificationPage = await inbox(reader, `?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((item) => item.id)).size).toBe(25);
    // createdAt is shown to the millisecond; the order also uses the microseconds, then the id
    const times = seen.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen.map((item) => item.title)).toEqual(Array(25).fill('A project for you is live'));
  });

  it('refuses a limit above 100, a forged cursor and an unread flag that is not a boolean', async () => {
    const get = (search: string) => call(h.gateway, 'GET', `/v1/notifications${search}`, { token: reader.token });

    expectError(await get('?limit=101'), 400, 'VALIDATION_FAILED');
    expectError(await get('?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await get('?cursor=bm90LWEtY3Vyc29y'), 400, 'INVALID_CURSOR');
    expectError(await get('?unread=maybe'), 400, 'VALIDATION_FAILED');
    expectError(await get('?userId=someone-else'), 400, 'VALIDATION_FAILED');
  });

  it("nobody sees or marks another user's notifications", async () => {
    const [theirs] = (await inbox(other)).items;

    expect((await inbox(reader, '?limit=100')).items.map((item) => item.id)).not.toContain(theirs!.id);
    expectError(
      await call(h.gateway, 'POST', `/v1/notifications/${theirs!.id}/read`, { token: reader.token }),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    expect((await inbox(other)).items[0]!.readAt).toBeNull();
    expectError(
      await call(h.gateway, 'POST', `/v1/notifications/${newId()}/read`, { token: reader.token }),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    expectError(
      await call(h.gateway, 'POST', `/v1/notifications/not-a-uuid/read`, { token: reader.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await call(h.gateway, 'GET', '/v1/notifications'), 401, 'UNAUTHENTICATED');
  });

  it('marking read is idempotent and keeps the first read time; the unread filter and count follow', async () => {
    const [newest, second] = (await inbox(reader)).items;

    const first = await call<NotificationView>(h.gateway, 'POST', `/v1/notifications/${newest!.id}/read`, {
      token: reader.token,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: newest!.id, readAt: expect.any(String) });
    const again = await call<NotificationView>(h.gateway, 'POST', `/v1/notifications/${newest!.id}/read`, {
      token: reader.token,
    });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(first.body.readAt);
    await call(h.gateway, 'POST', `/v1/notifications/${second!.id}/read`, { token: reader.token });

    const unread = await inbox(reader, '?unread=true&limit=100');
    expect(unread.unreadCount).toBe(23);
    expect(unread.items).toHaveLength(23);
    expect(unread.items.map((item) => item.id)).not.toEqual(expect.arrayContaining([newest!.id]));
    expect(unread.items.every((item) => item.readAt === null)).toBe(true);
    const paged = await inbox(reader, '?unread=true&limit=20');
    expect(paged.items).toHaveLength(20);
    const rest = await inbox(reader, `?unread=true&limit=20&cursor=${paged.nextCursor}`);
    expect(rest).toMatchObject({ nextCursor: null, unreadCount: 23 });
    expect(rest.items).toHaveLength(3);
    expect((await inbox(reader, '?unread=false')).items).toHaveLength(20);
    expect((await inbox(other)).unreadCount).toBe(1);
  });

  it('read-all marks every unread notification of the caller only', async () => {
    const marked = await call<{ marked: number }>(h.gateway, 'POST', '/v1/notifications/read-all', {
      token: reader.token,
    });
    expect({ status: marked.status, body: marked.body }).toEqual({ status: 200, body: { marked: 23 } });
    expect(
      (await call<{ marked: number }>(h.gateway, 'POST', '/v1/notifications/read-all', { token: reader.token })).body,
    ).toEqual({ marked: 0 });

    expect(await inbox(reader, '?unread=true')).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect((await inbox(other)).unreadCount).toBe(1);
  });

  it('any role has an inbox: an admin gets an empty one', async () => {
    expect(await inbox(h.admin)).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('the gateway answers the notification routes itself and documents them', async () => {
    const answer = await call<{ paths: Record<string, unknown> }>(h.gateway, 'GET', '/v1/openapi.json');

    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining(['/v1/notifications', '/v1/notifications/read-all', '/v1/notifications/{id}/read']),
    );
  });
});

describe('redelivery', () => {
  async function finished(queue: Queue, jobId: string): Promise<Job> {
    return eventually(async () => {
      const job = await queue.getJob(jobId);
      if (!job?.finishedOn) throw new Error(`job ${jobId} has not finished`);
      return job;
    });
  }

  it('the same event delivered again, even after its inbox row is swept, notifies once', async () => {
    const target = await register(h, 'investor');
    const projectId = newId();
    const event: Event<'investor.matches-found'> = {
      id: newId(),
      type: 'investor.matches-found',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'investor',
      aggregateId: projectId,
      aggregateVersion: 1,
      payload: { projectId, projectTitle: 'Delivered Twice', investorIds: [target.id] },
    };
    const queue = gatewayInbox();
    try {
      await queue.add(event.type, event, { jobId: `first-${event.id}` });
      await expect(finished(queue, `first-${event.id}`)).resolves.toHaveProperty('returnvalue', ['handled']);
      await queue.add(event.type, event, { jobId: `second-${event.id}` });
      await expect(finished(queue, `second-${event.id}`)).resolves.toHaveProperty('returnvalue', ['duplicate']);

      // the janitor sweeps inbox rows after INBOX_RETENTION_DAYS; the unique index still holds
      await query(h, `DELETE FROM gateway.inbox WHERE event_id = $1`, [event.id]);
      await queue.add(event.type, event, { jobId: `third-${event.id}` });
      await expect(finished(queue, `third-${event.id}`)).resolves.toHaveProperty('returnvalue', ['handled']);
    } finally {
      await queue.close();
    }

    const page = await inbox(target);
    expect(page.items.map((item) => item.body)).toEqual([
      '"Delivered Twice" matches your preferences and is open for pledges.',
    ]);
    expect(page.unreadCount).toBe(1);
  });
  it('a shares.issued delivered again after its inbox row is swept gives no holder a second notice', async () => {
    const project = await liveProject('Issued Twice');
    const [first, second] = await Promise.all([register(h, 'investor'), register(h, 'investor')]);
    const event: Event<'shares.issued'> = {
      id: newId(),
      type: 'shares.issued',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'pledge',
      aggregateId: project.id,
      aggregateVersion: 1,
      payload: {
        projectId: project.id,
        shareClass: 'Common',
        currency: 'USD',
        pricePerShare: 100,
        holdings: [
          { investorId: first.id, shares: 1, amount: 100 },
          { investorId: second.id, shares: 2, amount: 200 },
        ],
      },
    };
    const queue = gatewayInbox();
    try {
      await queue.add(event.type, event, { jobId: `first-${event.id}` });
      await expect(finished(queue, `first-${event.id}`)).resolves.toHaveProperty('returnvalue', ['handled']);
      await query(h, `DELETE FROM gateway.inbox WHERE event_id = $1`, [event.id]);
      await queue.add(event.type, event, { jobId: `second-${event.id}` });
      await expect(finished(queue, `second-${event.id}`)).resolves.toHaveProperty('returnvalue', ['handled']);
    } finally {
      await queue.close();
    }

    expect(await typesHeldBy(first, second)).toEqual({ [first.id]: ['SHARES_ISSUED'], [second.id]: ['SHARES_ISSUED'] });
  });
});
