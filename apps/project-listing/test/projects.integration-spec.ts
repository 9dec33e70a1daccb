import { PROJECT_GO_LIVE_QUEUE } from '@crowdlink/contracts';
import { eventually, RunningService, startTestService } from '@crowdlink/testing';
import { UnrecoverableError, Worker } from 'bullmq';
import { loanLinkageService } from '../../loan-linkage/src/loan-linkage.definition';
import { pledgeService } from '../../pledge/src/pledge.definition';
import { GO_LIVE_JOB, GO_LIVE_JOB_OPTIONS, goLiveJobId } from '../src/review/jobs/go-live.constants';
import { GoLiveWorker } from '../src/review/jobs/go-live.worker';
import { GoLiveQueue } from '../src/review/jobs/go-live.queue';
import { ReviewService } from '../src/review/review.service';
import { projectListingService } from '../src/project-listing.definition';
import {
  Actor,
  approvedProject,
  call,
  companyBody,
  createCompany,
  createProject,
  DAY_MS,
  euDonationBody,
  expectError,
  fieldsIn,
  Harness,
  projectBody,
  ProjectView,
  query,
  register,
  review,
  startHarness,
  submit,
} from './project-listing.harness';

/*
 * Companies, projects and their review workflow over HTTP against real PostgreSQL and
 * Redis, with real tokens from the gateway, the way a client of api.md sees them.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;
let founder: Actor;
let otherFounder: Actor;
let investor: Actor;
let companyId: string;

beforeAll(async () => {
  h = await startHarness();
  [founder, otherFounder, investor] = await Promise.all([
    register(h, 'founder'),
    register(h, 'founder'),
    register(h, 'investor'),
  ]);
  companyId = await createCompany(h, founder);
});

afterAll(async () => {
  await h?.close();
});

const get = (id: string, actor?: Actor) =>
  call<ProjectView>(h.listing, 'GET', `/v1/projects/${id}`, { token: actor?.token });
const patch = (id: string, actor: Actor, body: Record<string, unknown>) =>
  call<ProjectView>(h.listing, 'PATCH', `/v1/projects/${id}`, { token: actor.token, body });
const withdraw = (id: string, actor: Actor) =>
  call<ProjectView>(h.listing, 'POST', `/v1/projects/${id}/withdraw`, { token: actor.token });

describe('companies', () => {
  it('a founder registers a company they own, whatever the body says', async () => {
    const answer = await call<{ id: string; ownerId: string; name: string }>(h.listing, 'POST', '/v1/companies', {
      token: founder.token,
      body: companyBody({ name: 'Acme' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ id: expect.stringMatching(UUID), ownerId: founder.id, name: 'Acme' });

    const smuggled = await call(h.listing, 'POST', '/v1/companies', {
      token: founder.token,
      body: companyBody({ ownerId: otherFounder.id }),
    });
    expectError(smuggled, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(smuggled)).toEqual(['ownerId']);
  });

  it('only founders register companies, and only with every field', async () => {
    expectError(
      await call(h.listing, 'POST', '/v1/companies', { token: investor.token, body: companyBody() }),
      403,
      'FORBIDDEN',
    );
    expectError(await call(h.listing, 'POST', '/v1/companies', { body: companyBody() }), 401, 'UNAUTHENTICATED');
    const missing = await call(h.listing, 'POST', '/v1/companies', {
      token: founder.token,
      body: companyBody({ registrationNumber: undefined }),
    });
    expectError(missing, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(missing)).toEqual(['registrationNumber']);
  });
});

describe('creating a project', () => {
  it('answers 201 with a DRAFT at version 1, its IP assets with their own ids, and zero funding', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expect(project).toMatchObject({
      id: expect.stringMatching(UUID),
      status: 'DRAFT',
      version: 1,
      ownerId: founder.id,
      kind: 'EQUITY',
      targetAmount: 10_000_000,
      equity: { pricePerShare: 250, preMoneyValuation: 800_000_000, shareClass: 'Common' },
      funding: { raised: 0, pledgeCount: 0, percentOfTarget: 0 },
      rewards: [],
    });
    expect(project.ipAssets).toEqual([
      {
        id: expect.stringMatching(UUID),
        type: 'INVENTION_PATENT',
        registryNumber: 'US 11,234,567',
        title: 'Gripper',
        owner: 'Lumen Robotics Inc.',
      },
    ]);
    expect((await get(project.id, founder)).body.ipAssets).toEqual(project.ipAssets);
  });

  it('keeps reward tiers of a REWARD project, with ids', async () => {
    const project = await createProject(
      h,
      founder,
      projectBody(companyId, {
        kind: 'REWARD',
        fundingModel: 'KEEP_IT_ALL',
        equity: undefined,
        rewards: [
          { title: 'Sticker', description: 'A sticker', amount: 1_000 },
          { title: 'Robot', description: 'A small robot', amount: 50_000, quantity: 100 },
        ],
      }),
    );
    expect(project.rewards).toEqual([
      { id: expect.stringMatching(UUID), title: 'Sticker', description: 'A sticker', amount: 1_000, quantity: null },
      { id: expect.stringMatching(UUID), title: 'Robot', description: 'A small robot', amount: 50_000, quantity: 100 },
    ]);
  });

  it('needs a company the founder owns', async () => {
    expectError(
      await call(h.listing, 'POST', '/v1/projects', { token: otherFounder.token, body: projectBody(companyId) }),
      404,
      'COMPANY_NOT_FOUND',
    );
    expectError(
      await call(h.listing, 'POST', '/v1/projects', { token: investor.token, body: projectBody(companyId) }),
      403,
      'FORBIDDEN',
    );
  });

  it.each([
    ['a missing title', { title: undefined }, ['title']],
    ['a lower-case currency', { currency: 'usd' }, ['currency']],
    ['a fractional amount', { targetAmount: 100.5 }, ['targetAmount']],
    ['an amount beyond a safe integer', { maxAmount: 2 ** 60 }, ['maxAmount']],
    ['a zero minimum pledge', { minPledge: 0 }, ['minPledge']],
    ['an amount sent as a string', { minPledge: '100' }, ['minPledge']],
    ['an unknown kind', { kind: 'LOAN' }, ['kind']],
    ['an unknown jurisdiction', { jurisdiction: 'UK' }, ['jurisdiction']],
    ['a date that is not ISO 8601', { opensAt: 'tomorrow' }, ['opensAt']],
    ['an unknown field', { status: 'LIVE' }, ['status']],
    [
      'bad equity terms',
      { equity: { pricePerShare: 0, preMoneyValuation: 1, shareClass: 'A' } },
      ['equity.pricePerShare'],
    ],
    [
      'a bad IP asset',
      { ipAssets: [{ type: 'RECIPE', registryNumber: 'X', title: 'T', owner: 'O', extra: 1 }] },
      ['ipAssets.0.extra', 'ipAssets.0.type'],
    ],
    ['a bad reward', { rewards: [{ title: 'T', description: 'D', amount: -5 }] }, ['rewards.0.amount']],
    ['null equity terms (leave them out instead)', { equity: null }, ['equity']],
    ['a null reward list', { rewards: null }, ['rewards']],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_case, overrides, fields) => {
    const answer = await call(h.listing, 'POST', '/v1/projects', {
      token: founder.token,
      body: projectBody(companyId, overrides),
    });
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer).sort()).toEqual(fields);
  });

  it.each([
    ['a target above the hard cap', { targetAmount: 30_000_000 }, 'TARGET_ABOVE_MAX'],
    ['a minimum pledge above the hard cap', { minPledge: 30_000_000 }, 'MIN_PLEDGE_ABOVE_MAX'],
    ['EQUITY without equity terms', { equity: undefined }, 'EQUITY_TERMS_REQUIRED'],
    ['EQUITY as KEEP_IT_ALL', { fundingModel: 'KEEP_IT_ALL' }, 'FUNDING_MODEL_NOT_ALLOWED'],
    ['rewards on EQUITY', { rewards: [{ title: 'T', description: 'D', amount: 100 }] }, 'REWARDS_NOT_ALLOWED'],
    ['equity terms on DONATION', { kind: 'DONATION', fundingModel: 'KEEP_IT_ALL' }, 'EQUITY_TERMS_NOT_ALLOWED'],
    ['a US project in EUR', { currency: 'EUR' }, 'CURRENCY_NOT_ALLOWED'],
    [
      'a US offering open 20 days (21 needed)',
      { closesAt: new Date(Date.now() + 21 * DAY_MS).toISOString() },
      'OFFERING_PERIOD_TOO_SHORT',
    ],
    ['a close before the opening', { closesAt: new Date(Date.now()).toISOString() }, 'OFFERING_PERIOD_TOO_SHORT'],
  ])('refuses %s with 422 %s', async (_case, overrides, code) => {
    expectError(
      await call(h.listing, 'POST', '/v1/projects', { token: founder.token, body: projectBody(companyId, overrides) }),
      422,
      code,
    );
  });

  it('accepts an EU offering of one day: the EU states no minimum period', async () => {
    const opensAt = new Date(Date.now() + DAY_MS);
    const project = await createProject(
      h,
      founder,
      euDonationBody(companyId, opensAt, new Date(opensAt.getTime() + DAY_MS)),
    );
    expect(project.status).toBe('DRAFT');
  });
});

describe('editing a project', () => {
  it('the owner edits a DRAFT; each change bumps the version; inconsistent edits are refused', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    const edited = await patch(project.id, founder, { title: 'Seed round', targetAmount: 15_000_000 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Seed round', targetAmount: 15_000_000, version: 2 });
    expect(edited.body.ipAssets).toEqual(project.ipAssets);

    expectError(await patch(project.id, founder, { targetAmount: 25_000_000 }), 422, 'TARGET_ABOVE_MAX');
    expectError(await patch(project.id, founder, { companyId }), 400, 'VALIDATION_FAILED');
    expectError(await patch(project.id, founder, { ipAssets: [] }), 400, 'VALIDATION_FAILED');
    for (const field of ['title', 'equity', 'rewards', 'disclosures', 'opensAt', 'targetAmount']) {
      const cleared = await patch(project.id, founder, { [field]: null });
      expectError(cleared, 400, 'VALIDATION_FAILED');
      expect(fieldsIn(cleared)).toEqual([field]);
    }
    expect((await patch(project.id, founder, {})).body).toMatchObject({ version: 2 });
    expect((await get(project.id, founder)).body).toMatchObject({ targetAmount: 15_000_000, version: 2 });
  });

  it('replaces the reward list of a REWARD project', async () => {
    const project = await createProject(
      h,
      founder,
      projectBody(companyId, {
        kind: 'REWARD',
        fundingModel: 'KEEP_IT_ALL',
        equity: undefined,
        rewards: [{ title: 'Sticker', description: 'A sticker', amount: 1_000 }],
      }),
    );
    const edited = await patch(project.id, founder, {
      rewards: [{ title: 'Mug', description: 'A mug', amount: 2_000 }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.rewards).toEqual([expect.objectContaining({ title: 'Mug', amount: 2_000 })]);
  });

  it('nobody else edits it: another founder cannot see a draft (404), an investor is no founder (403)', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expectError(await patch(project.id, otherFounder, { title: 'Mine' }), 404, 'PROJECT_NOT_FOUND');
    expectError(await patch(project.id, investor, { title: 'Mine' }), 403, 'FORBIDDEN');
  });

  it('is possible in DRAFT and CHANGES_REQUESTED only (409 PROJECT_NOT_EDITABLE)', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expect((await submit(h, founder, project.id)).status).toBe(200);
    expectError(await patch(project.id, founder, { title: 'Late' }), 409, 'PROJECT_NOT_EDITABLE');
    expect((await review(h, project.id, 'request_changes', 'clarify the risks')).body.status).toBe('CHANGES_REQUESTED');
    expect((await patch(project.id, founder, { title: 'Clearer' })).status).toBe(200);
    expect((await submit(h, founder, project.id)).status).toBe(200);
    const approved = await review(h, project.id, 'approve');
    expect(approved.body.status).toBe('APPROVED');
    expectError(await patch(project.id, founder, { title: 'Later' }), 409, 'PROJECT_NOT_EDITABLE');
    expectError(await patch(project.id, otherFounder, { title: 'Mine' }), 403, 'NOT_PROJECT_OWNER');
  });

  it('answers 400 for an id that is not a UUID, and 404 for an unknown one', async () => {
    expectError(await get('not-a-uuid', founder), 400, 'VALIDATION_FAILED');
    expectError(await get('0190c3a4-0000-7000-8000-000000000000', founder), 404, 'PROJECT_NOT_FOUND');
  });

  it('answers a badly percent-encoded query as bad input (400 with a code), not as an error of its own', async () => {
    const answer = await call(h.listing, 'GET', '/v1/projects?cursor=%%%&limit=1%');

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, code: expect.stringMatching(/^[A-Z][A-Z_]+$/) });
  });

  it('answers 414 URI_TOO_LONG for an id longer than the router takes, without echoing it', async () => {
    const answer = await get('0'.repeat(5_000), founder);

    expectError(answer, 414, 'URI_TOO_LONG');
    expect(JSON.stringify(answer.body)).not.toContain('0'.repeat(100));
  });
});

describe('who sees a project', () => {
  it('before approval only the owner and admins; once approved, anyone without an account', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expect((await get(project.id, founder)).status).toBe(200);
    expect((await get(project.id, h.admin)).status).toBe(200);
    for (const stranger of [undefined, otherFounder, investor]) {
      expectError(await get(project.id, stranger), 404, 'PROJECT_NOT_FOUND');
    }
    // a bad token on a public route is an anonymous caller, not an owner
    expectError(
      await call(h.listing, 'GET', `/v1/projects/${project.id}`, { token: 'not.a.token' }),
      404,
      'PROJECT_NOT_FOUND',
    );

    expect((await submit(h, founder, project.id)).status).toBe(200);
    expectError(await get(project.id), 404, 'PROJECT_NOT_FOUND');
    await review(h, project.id, 'approve');
    const seen = await get(project.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'APPROVED', funding: { raised: 0, pledgeCount: 0, percentOfTarget: 0 } });
  });

  it('a REJECTED project stays with its owner and admins', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    await submit(h, founder, project.id);
    expect((await review(h, project.id, 'reject', 'not for us')).body.status).toBe('REJECTED');
    expectError(await get(project.id), 404, 'PROJECT_NOT_FOUND');
    expect((await get(project.id, founder)).status).toBe(200);
  });
});

describe('the review workflow', () => {
  it('submit lists everything missing at once (422 PROJECT_INCOMPLETE)', async () => {
    const equity = await createProject(h, founder, projectBody(companyId, { disclosures: { risks: '  ' } }));
    const answer = await submit(h, founder, equity.id);
    expectError(answer, 422, 'PROJECT_INCOMPLETE');
    expect((answer.body as unknown as { details: { item: string }[] }).details.map((d) => d.item)).toEqual([
      'disclosures.risks',
      'disclosures.useOfFunds',
      'disclosures.financialSummary',
    ]);

    const reward = await createProject(
      h,
      founder,
      projectBody(companyId, { kind: 'REWARD', fundingModel: 'KEEP_IT_ALL', equity: undefined }),
    );
    const rewardAnswer = await submit(h, founder, reward.id);
    expectError(rewardAnswer, 422, 'PROJECT_INCOMPLETE');
    expect(rewardAnswer.body).toMatchObject({ details: [{ item: 'rewards', reason: expect.any(String) }] });
  });

  it('walks DRAFT → SUBMITTED → CHANGES_REQUESTED → SUBMITTED → APPROVED, keeping who, when, from, to and why', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expect((await submit(h, founder, project.id)).body).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect((await review(h, project.id, 'request_changes', 'more on risks')).body).toMatchObject({
      status: 'CHANGES_REQUESTED',
      version: 3,
    });
    expect((await submit(h, founder, project.id)).body.status).toBe('SUBMITTED');
    expect((await review(h, project.id, 'approve', 'fine')).body).toMatchObject({ status: 'APPROVED', version: 5 });

    const history = await call<{ items: Record<string, unknown>[] }>(
      h.listing,
      'GET',
      `/v1/projects/${project.id}/history`,
      {
        token: founder.token,
      },
    );
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'submit', from: 'DRAFT', to: 'SUBMITTED', by: founder.id, notes: null }),
      expect.objectContaining({
        action: 'request_changes',
        from: 'SUBMITTED',
        to: 'CHANGES_REQUESTED',
        by: h.admin.id,
        notes: 'more on risks',
      }),
      expect.objectContaining({ action: 'submit', from: 'CHANGES_REQUESTED', to: 'SUBMITTED', by: founder.id }),
      expect.objectContaining({
        action: 'approve',
        from: 'SUBMITTED',
        to: 'APPROVED',
        by: h.admin.id,
        notes: 'fine',
        projectVersion: 5,
      }),
    ]);
    for (const item of history.body.items) expect(Date.parse(item.at as string)).not.toBeNaN();

    // the reviewers' notes are between the platform and the founder
    const historyOf = (actor?: Actor) =>
      call(h.listing, 'GET', `/v1/projects/${project.id}/history`, { token: actor?.token });
    expect((await historyOf(h.admin)).status).toBe(200);
    expectError(await historyOf(otherFounder), 403, 'NOT_PROJECT_OWNER');
    expectError(await historyOf(investor), 403, 'NOT_PROJECT_OWNER');
    expectError(await historyOf(), 401, 'UNAUTHENTICATED');
  });

  it('refuses illegal moves with 409 ILLEGAL_TRANSITION naming the status and the action', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    const early = await review(h, project.id, 'approve');
    expectError(early, 409, 'ILLEGAL_TRANSITION');
    expect(early.body).toMatchObject({ details: { from: 'DRAFT', action: 'approve' } });
    expectError(await review(h, project.id, 'reject'), 409, 'ILLEGAL_TRANSITION');

    await submit(h, founder, project.id);
    const twice = await submit(h, founder, project.id);
    expectError(twice, 409, 'ILLEGAL_TRANSITION');
    expect(twice.body).toMatchObject({ details: { from: 'SUBMITTED', action: 'submit' } });

    await review(h, project.id, 'reject');
    for (const decision of ['approve', 'request_changes', 'reject'] as const) {
      expectError(await review(h, project.id, decision), 409, 'ILLEGAL_TRANSITION');
    }
    expectError(await submit(h, founder, project.id), 409, 'ILLEGAL_TRANSITION');
    expectError(await withdraw(project.id, founder), 409, 'ILLEGAL_TRANSITION');
  });

  it('only the owner submits and withdraws; only admins review; decisions are validated', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    expectError(await submit(h, otherFounder, project.id), 404, 'PROJECT_NOT_FOUND');
    expectError(await withdraw(project.id, otherFounder), 404, 'PROJECT_NOT_FOUND');
    expectError(await submit(h, investor, project.id), 403, 'FORBIDDEN');
    await submit(h, founder, project.id);
    expectError(
      await call(h.listing, 'POST', `/v1/projects/${project.id}/review`, {
        token: founder.token,
        body: { decision: 'approve', notes: '' },
      }),
      403,
      'FORBIDDEN',
    );
    const bad = await call(h.listing, 'POST', `/v1/projects/${project.id}/review`, {
      token: h.admin.token,
      body: { decision: 'maybe', notes: '' },
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(bad)).toEqual(['decision']);
  });

  it('withdraws a project at any stage before its close, once', async () => {
    const draft = await createProject(h, founder, projectBody(companyId));
    expect((await withdraw(draft.id, founder)).body.status).toBe('WITHDRAWN');
    expectError(await withdraw(draft.id, founder), 409, 'ILLEGAL_TRANSITION');

    const approved = await approvedProject(h, founder, projectBody(companyId));
    expectError(await withdraw(approved.id, otherFounder), 403, 'NOT_PROJECT_OWNER');
    expect((await withdraw(approved.id, founder)).body).toMatchObject({ status: 'WITHDRAWN' });
    // a withdrawn project stays public, as a record of what was offered
    expect((await get(approved.id)).body.status).toBe('WITHDRAWN');
  });

  it('refuses to approve or withdraw an offering whose close has passed (409 PROJECT_CLOSED)', async () => {
    const now = Date.now();
    const closed = await createProject(
      h,
      founder,
      euDonationBody(companyId, new Date(now - 2 * DAY_MS), new Date(now - DAY_MS)),
    );
    await submit(h, founder, closed.id);
    expectError(await review(h, closed.id, 'approve'), 409, 'PROJECT_CLOSED');

    const closing = await approvedProject(
      h,
      founder,
      euDonationBody(companyId, new Date(now - DAY_MS), new Date(now + 1500)),
    );
    expect(closing.status).toBe('LIVE');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expectError(await withdraw(closing.id, founder), 409, 'PROJECT_CLOSED');
  });
});

describe('going live at opensAt', () => {
  it('an approved project whose opensAt is a moment ahead becomes LIVE by itself', async () => {
    const opensAt = new Date(Date.now() + 1500);
    const project = await approvedProject(
      h,
      founder,
      projectBody(companyId, {
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 22 * DAY_MS).toISOString(),
      }),
    );
    expect(project.status).toBe('APPROVED');
    const live = await eventually(
      async () => {
        const seen = await get(project.id);
        expect(seen.body.status).toBe('LIVE');
        return seen.body;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(live.version).toBe(project.version + 1);
    expect(Date.now()).toBeGreaterThanOrEqual(opensAt.getTime());
    const history = await call<{ items: { action: string; by: string | null }[] }>(
      h.listing,
      'GET',
      `/v1/projects/${project.id}/history`,
      { token: founder.token },
    );
    expect(history.body.items.at(-1)).toMatchObject({ action: 'go_live', by: null });
  });

  it('a go-live job lost after the approval is scheduled again when a service instance starts', async () => {
    const opensAt = new Date(Date.now() + 1000);
    const project = await approvedProject(
      h,
      founder,
      projectBody(companyId, {
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 22 * DAY_MS).toISOString(),
      }),
    );
    // as if Redis had refused the job after the approval committed
    await h.listing.app.get(GoLiveQueue).queue.remove(goLiveJobId(project.id));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await get(project.id)).body.status).toBe('APPROVED');

    const replica = await startTestService(projectListingService, h.world);
    try {
      await eventually(async () => expect((await get(project.id)).body.status).toBe('LIVE'), { timeoutMs: 15_000 });
    } finally {
      await replica.close();
    }
  });

  it('a go-live job that failed for good is tried again when a service instance starts', async () => {
    const project = await approvedProject(
      h,
      founder,
      projectBody(companyId, {
        opensAt: new Date(Date.now() + 60_000).toISOString(),
        closesAt: new Date(Date.now() + 23 * DAY_MS).toISOString(),
      }),
    );
    // as if the job had run at opensAt and failed as stalled: its process died twice while running it
    const worker = h.listing.app.get(GoLiveWorker);
    await worker.beforeApplicationShutdown();
    const { queue } = h.listing.app.get(GoLiveQueue);
    const jobId = goLiveJobId(project.id);
    const dying = new Worker(PROJECT_GO_LIVE_QUEUE, null, {
      connection: { url: h.world.env.REDIS_URL },
      prefix: h.world.redisPrefix,
      autorun: false,
    });
    let replica: RunningService | undefined;
    try {
      await queue.remove(jobId);
      await queue.add(GO_LIVE_JOB, { projectId: project.id }, { ...GO_LIVE_JOB_OPTIONS, jobId });
      const taken = await dying.getNextJob('dying');
      await taken!.moveToFailed(new UnrecoverableError('job stalled more than allowable limit'), 'dying');
      expect(await queue.getJobState(jobId)).toBe('failed');
      await query(h, `UPDATE project_listing.projects SET opens_at = now() WHERE id = $1`, [project.id]);

      replica = await startTestService(projectListingService, h.world);
      await eventually(async () => expect((await get(project.id)).body.status).toBe('LIVE'), { timeoutMs: 15_000 });
    } finally {
      await Promise.all([dying.close(), replica?.close()]);
      await worker.onApplicationBootstrap();
    }
  });

  it('one whose opensAt has passed is LIVE in the approval answer', async () => {
    const opensAt = new Date(Date.now() - 3600_000);
    const project = await approvedProject(
      h,
      founder,
      projectBody(companyId, {
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 30 * DAY_MS).toISOString(),
      }),
    );
    expect(project).toMatchObject({ status: 'LIVE', version: 4 });
  });

  it('running the go-live job twice, or after a withdrawal, changes nothing', async () => {
    const reviewService = h.listing.app.get(ReviewService);
    const opened = await approvedProject(
      h,
      founder,
      projectBody(companyId, { opensAt: new Date(Date.now() - 1000).toISOString() }),
    );
    expect(opened.status).toBe('LIVE');
    await expect(reviewService.goLive(opened.id)).resolves.toBe('not-approved');
    expect((await get(opened.id)).body.version).toBe(opened.version);

    const withdrawn = await approvedProject(h, founder, projectBody(companyId));
    await withdraw(withdrawn.id, founder);
    await expect(reviewService.goLive(withdrawn.id)).resolves.toBe('not-approved');
    expect((await get(withdrawn.id)).body.status).toBe('WITHDRAWN');

    const early = await approvedProject(h, founder, projectBody(companyId));
    await expect(reviewService.goLive(early.id)).resolves.toBe('too-early');
    expect((await get(early.id)).body.status).toBe('APPROVED');
  });
});

describe('the issuer cap', () => {
  it('refuses an approval that would pass $5,000,000 over 12 months (422 ISSUER_CAP_EXCEEDED)', async () => {
    const company = await createCompany(h, founder);
    const big = { targetAmount: 100_000_000, maxAmount: 300_000_000 };
    await approvedProject(h, founder, projectBody(company, big));

    const second = await createProject(
      h,
      founder,
      projectBody(company, { targetAmount: 100_000_000, maxAmount: 250_000_000 }),
    );
    await submit(h, founder, second.id);
    const refused = await review(h, second.id, 'approve');
    expectError(refused, 422, 'ISSUER_CAP_EXCEEDED');
    expect(refused.body).toMatchObject({
      details: { jurisdiction: 'US', currency: 'USD', cap: 500_000_000, used: 300_000_000, requested: 250_000_000 },
    });
    expect((await get(second.id, founder)).body.status).toBe('SUBMITTED');

    // exactly up to the cap is fine
    await approvedProject(h, founder, projectBody(company, { targetAmount: 100_000_000, maxAmount: 200_000_000 }));
  });

  it('counts neither withdrawn projects nor ones opening more than 12 months apart, nor other jurisdictions', async () => {
    const company = await createCompany(h, founder);
    const withdrawn = await approvedProject(
      h,
      founder,
      projectBody(company, { targetAmount: 1, maxAmount: 500_000_000 }),
    );
    await withdraw(withdrawn.id, founder);
    await approvedProject(h, founder, projectBody(company, { targetAmount: 1, maxAmount: 500_000_000 }));

    const later = new Date(Date.now() + 400 * DAY_MS);
    await approvedProject(
      h,
      founder,
      projectBody(company, {
        targetAmount: 1,
        maxAmount: 500_000_000,
        opensAt: later.toISOString(),
        closesAt: new Date(later.getTime() + 30 * DAY_MS).toISOString(),
      }),
    );
    const opensAt = new Date(Date.now() + DAY_MS);
    const eu = await approvedProject(h, founder, {
      ...euDonationBody(company, opensAt, new Date(opensAt.getTime() + 30 * DAY_MS)),
      targetAmount: 1,
      maxAmount: 500_000_000,
    });
    expect(eu.status).toBe('APPROVED');
  });

  it('lets only one of two concurrent approvals through when together they would pass the cap', async () => {
    const company = await createCompany(h, founder);
    const body = projectBody(company, { targetAmount: 1, maxAmount: 300_000_000 });
    const [a, b] = await Promise.all([createProject(h, founder, body), createProject(h, founder, body)]);
    await Promise.all([submit(h, founder, a.id), submit(h, founder, b.id)]);
    const answers = await Promise.all([review(h, a.id, 'approve'), review(h, b.id, 'approve')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
  });

  it('has no issuer cap for CN projects', async () => {
    const company = await createCompany(h, founder);
    const cn = { jurisdiction: 'CN', currency: 'CNY', targetAmount: 1, maxAmount: 9_000_000_000_000 };
    await approvedProject(h, founder, projectBody(company, cn));
    expect((await approvedProject(h, founder, projectBody(company, cn))).status).toBe('APPROVED');
  });
});

describe('events', () => {
  let pledge: RunningService;
  let loanLinkage: RunningService;

  beforeAll(async () => {
    [pledge, loanLinkage] = await Promise.all([
      startTestService(pledgeService, h.world),
      startTestService(loanLinkageService, h.world),
    ]);
  });

  afterAll(async () => {
    await Promise.all([pledge?.close(), loanLinkage?.close()]);
  });

  it('each change puts its event in the outbox with the project version, and the consumers apply them', async () => {
    const project = await createProject(h, founder, projectBody(companyId));
    const edited = await patch(project.id, founder, { minPledge: 20_000 });
    await submit(h, founder, project.id);
    await review(h, project.id, 'request_changes');
    await submit(h, founder, project.id);
    const approved = (await review(h, project.id, 'approve')).body;
    await withdraw(project.id, founder);

    const outbox = await query<{ event_type: string; aggregate_version: number }>(
      h,
      `SELECT event_type, aggregate_version::int AS aggregate_version FROM project_listing.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
      [project.id],
    );
    expect(outbox).toEqual([
      { event_type: 'project.terms-changed', aggregate_version: edited.body.version },
      { event_type: 'project.submitted', aggregate_version: 3 },
      { event_type: 'project.submitted', aggregate_version: 5 },
      { event_type: 'project.approved', aggregate_version: approved.version },
      { event_type: 'project.withdrawn', aggregate_version: approved.version + 1 },
    ]);

    const campaign = await eventually(async () => {
      const [row] = await query<{
        status: string;
        project_version: number;
        min_pledge: string;
        price_per_share: string;
      }>(h, `SELECT status, project_version, min_pledge, price_per_share FROM pledge.campaigns WHERE project_id = $1`, [
        project.id,
      ]);
      expect(row).toMatchObject({ status: 'WITHDRAWN' });
      return row;
    });
    expect(campaign).toEqual({
      status: 'WITHDRAWN',
      project_version: approved.version + 1,
      min_pledge: '20000',
      price_per_share: '250',
    });

    const assets = await eventually(async () => {
      const rows = await query<{ id: string; registry_number: string; founder_id: string }>(
        h,
        `SELECT id, registry_number, founder_id FROM loan_linkage.ip_assets WHERE project_id = $1`,
        [project.id],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(assets).toEqual([{ id: project.ipAssets[0]!.id, registry_number: 'US 11,234,567', founder_id: founder.id }]);
  });

  it('a refused change publishes nothing', async () => {
    const project = await createProject(h, founder, projectBody(companyId, { disclosures: undefined }));
    expectError(await submit(h, founder, project.id), 422, 'PROJECT_INCOMPLETE');
    const rows = await query(h, `SELECT 1 FROM project_listing.outbox WHERE aggregate_id = $1`, [project.id]);
    expect(rows).toEqual([]);
  });
});
