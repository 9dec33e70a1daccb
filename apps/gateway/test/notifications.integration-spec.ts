import { getDataSourceToken } from '@nestjs/typeorm';
import { Event, EventPayload, inboxQueueName } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { investorService } from '../../investor/src/investor.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { publishFrom } from '../../../test/support/backbone';
import {
  Actor,
  approvedProject,
  call,
  createCompany,
  DAY_MS,
  expectError,
  Harness,
  projectBody,
  ProjectView,
  query,
  register,
  startHarness,
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
  const opensAt = new Date(Date.now() - 3600_000);
  const project = await approvedProject(
    h,
    founder,
    projectBody(companyId, {
      title,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
    }),
  );
  expect(project.status).toBe('LIVE');
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
      });

      const [owners] = await arrived(founder, type);
      expect(owners).toMatchObject({
        title,
        data: { projectId: project.id, outcome, raised: 350_000, currency: 'USD' },
      });
      expect(owners!.body).toContain(`Your campaign "Closing ${outcome}"`);
      expect(owners!.body).toContain('USD 3,500.00');
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
      await expect(finished(queue, `first-${event.id}`)).resolves.toHaveProperty('returnvalue', 'handled');
      await queue.add(event.type, event, { jobId: `second-${event.id}` });
      await expect(finished(queue, `second-${event.id}`)).resolves.toHaveProperty('returnvalue', 'duplicate');

      // the janitor sweeps inbox rows after INBOX_RETENTION_DAYS; the unique index still holds
      await query(h, `DELETE FROM gateway.inbox WHERE event_id = $1`, [event.id]);
      await queue.add(event.type, event, { jobId: `third-${event.id}` });
      await expect(finished(queue, `third-${event.id}`)).resolves.toHaveProperty('returnvalue', 'handled');
    } finally {
      await queue.close();
    }

    const page = await inbox(target);
    expect(page.items.map((item) => item.body)).toEqual([
      '"Delivered Twice" matches your preferences and is open for pledges.',
    ]);
    expect(page.unreadCount).toBe(1);
  });
});
