import { addBusinessDays } from '@crowdlink/compliance';
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
  liveProject as liveProjectOf,
} from './project-listing.harness';

/*
 * POST /v1/projects/:id/amendments and the company's payout account over HTTP, against real
 * PostgreSQL and Redis: a material change to a LIVE project is recorded, versioned and
 * announced; everything else is refused with a stable code.
 */

let h: Harness;
let founder: Actor;
let otherFounder: Actor;
let companyId: string;

beforeAll(async () => {
  h = await startHarness();
  [founder, otherFounder] = await Promise.all([register(h, 'founder'), register(h, 'founder')]);
  companyId = await createCompany(h, founder);
});

afterAll(async () => {
  await h?.close();
});

/** A US equity project LIVE since a minute ago, closing in 30 days. */
const liveProject = (): Promise<ProjectView> => liveProjectOf(h, founder, companyId, { openedAgoMs: 60_000 });

const amend = (id: string, actor: Actor, body: Record<string, unknown>) =>
  call<ProjectView>(h.listing, 'POST', `/v1/projects/${id}/amendments`, { token: actor.token, body });

describe('POST /v1/projects/:id/amendments', () => {
  it('changes the terms of a LIVE project, records the amendment and publishes project.amended', async () => {
    const project = await liveProject();
    const closesAt = new Date(Date.parse(project.closesAt as string) + 7 * DAY_MS).toISOString();
    const answer = await amend(project.id, founder, {
      closesAt,
      equity: { pricePerShare: 500, preMoneyValuation: 800_000_000 },
      reason: 'A new lead investor sets a higher price',
    });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'LIVE',
      version: project.version + 1,
      closesAt,
      equity: { pricePerShare: 500, preMoneyValuation: 800_000_000, shareClass: 'Common' },
      amendments: [
        {
          projectVersion: project.version + 1,
          reason: 'A new lead investor sets a higher price',
          changes: [
            { term: 'closesAt', from: project.closesAt, to: closesAt },
            { term: 'pricePerShare', from: 250, to: 500 },
          ],
        },
      ],
    });
    const [amendment] = answer.body.amendments as { amendedAt: string; reconfirmBy: string }[];
    expect(amendment.reconfirmBy).toBe(
      addBusinessDays(new Date(amendment.amendedAt), 5, project.jurisdiction).toISOString(),
    );
    expect((await call<ProjectView>(h.listing, 'GET', `/v1/projects/${project.id}`)).body.amendments).toEqual(
      answer.body.amendments,
    );

    const [event] = await query<{ aggregate_version: number; payload: Record<string, unknown> }>(
      h,
      `SELECT aggregate_version::int AS aggregate_version, payload FROM project_listing.outbox
        WHERE event_type = 'project.amended' AND aggregate_id = $1`,
      [project.id],
    );
    expect(event).toEqual({
      aggregate_version: project.version + 1,
      payload: expect.objectContaining({
        projectId: project.id,
        projectVersion: project.version + 1,
        status: 'LIVE',
        closesAt,
        equity: { pricePerShare: 500, preMoneyValuation: 800_000_000, shareClass: 'Common' },
        changedTerms: ['closesAt', 'pricePerShare'],
        reason: 'A new lead investor sets a higher price',
        amendedAt: amendment.amendedAt,
        payoutAccountId: null,
      }),
    });
    const history = await call<{ items: { action: string; notes: string }[] }>(
      h.listing,
      'GET',
      `/v1/projects/${project.id}/history`,
      { token: founder.token },
    );
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'amend',
      notes: 'A new lead investor sets a higher price',
    });
  });

  it('refuses strangers, other founders, projects not LIVE and amendments that change nothing', async () => {
    const project = await liveProject();
    const change = { targetAmount: 12_000_000, reason: 'bigger round' };
    expectError(await amend(project.id, otherFounder, change), 403, 'NOT_PROJECT_OWNER');
    const investor = await register(h, 'investor');
    expect((await amend(project.id, investor, change)).status).toBe(403);

    const draft = await call<ProjectView>(h.listing, 'POST', '/v1/projects', {
      token: founder.token,
      body: projectBody(companyId),
    });
    expectError(await amend(draft.body.id, founder, change), 409, 'PROJECT_NOT_LIVE');
    expectError(await amend(draft.body.id, otherFounder, change), 404, 'PROJECT_NOT_FOUND');

    expectError(await amend(project.id, founder, { reason: 'nothing' }), 422, 'NO_MATERIAL_CHANGE');
    expectError(
      await amend(project.id, founder, { targetAmount: 10_000_000, equity: { pricePerShare: 250 }, reason: 'same' }),
      422,
      'NO_MATERIAL_CHANGE',
    );
    expectError(await amend(project.id, founder, { targetAmount: 12_000_000 }), 400, 'VALIDATION_FAILED');
    expect((await call<ProjectView>(h.listing, 'GET', `/v1/projects/${project.id}`)).body.version).toBe(
      project.version,
    );
  });

  it('holds every rule of creation and leaves investors their time to reconfirm', async () => {
    const project = await liveProject();
    const opensAt = Date.parse(project.opensAt as string);
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ targetAmount: 30_000_000 }, 422, 'TARGET_ABOVE_MAX'],
      [{ closesAt: new Date(opensAt + 20 * DAY_MS).toISOString() }, 422, 'OFFERING_PERIOD_TOO_SHORT'],
      [{ equity: { pricePerShare: 0 } }, 400, 'VALIDATION_FAILED'],
      [{ equity: { pricePerShare: 2.5 } }, 400, 'VALIDATION_FAILED'],
      [{ closesAt: 'next week' }, 400, 'VALIDATION_FAILED'],
      [{ targetAmount: -1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [terms, status, code] of refusals) {
      expectError(await amend(project.id, founder, { ...terms, reason: 'try' }), status, code);
    }

    const closingSoon = await approvedProject(
      h,
      founder,
      projectBody(companyId, {
        opensAt: new Date(Date.now() - 25 * DAY_MS).toISOString(),
        closesAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
      }),
    );
    expect(closingSoon.status).toBe('LIVE');
    expectError(
      await amend(closingSoon.id, founder, { targetAmount: 12_000_000, reason: 'late change' }),
      422,
      'RECONFIRMATION_WINDOW_TOO_SHORT',
    );
    const extended = await amend(closingSoon.id, founder, {
      targetAmount: 12_000_000,
      closesAt: new Date(Date.now() + 10 * DAY_MS).toISOString(),
      reason: 'late change, with the time to reconfirm',
    });
    expect(extended.status).toBe(201);

    const donationCompany = await createCompany(h, founder);
    const donation = await approvedProject(
      h,
      founder,
      projectBody(donationCompany, {
        kind: 'DONATION',
        fundingModel: 'KEEP_IT_ALL',
        equity: undefined,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    expectError(
      await amend(donation.id, founder, { equity: { preMoneyValuation: 1_000 }, reason: 'no' }),
      422,
      'EQUITY_TERMS_NOT_ALLOWED',
    );
  });
});

describe('payout account', () => {
  it('is given at registration or once later; the projects not yet settled announce it', async () => {
    const withAccount = await call<{ payoutAccountId: string | null }>(h.listing, 'POST', '/v1/companies', {
      token: founder.token,
      body: { ...companyBodyOf('Given'), payoutAccountId: 'acct_1Given' },
    });
    expect(withAccount.status).toBe(201);
    expect(withAccount.body.payoutAccountId).toBe('acct_1Given');
    expectError(
      await call(h.listing, 'POST', '/v1/companies', {
        token: founder.token,
        body: { ...companyBodyOf('Bad'), payoutAccountId: 'acct_1; DROP TABLE' },
      }),
      400,
      'VALIDATION_FAILED',
    );

    const project = await liveProject();
    const patch = (actor: Actor, payoutAccountId: unknown, id = companyId) =>
      call<{ payoutAccountId: string | null }>(h.listing, 'PATCH', `/v1/companies/${id}`, {
        token: actor.token,
        body: { payoutAccountId },
      });
    expectError(await patch(otherFounder, 'acct_1Thief'), 404, 'COMPANY_NOT_FOUND');
    expectError(await patch(founder, 'ba_123'), 400, 'VALIDATION_FAILED');
    const set = await patch(founder, 'acct_1Lumen');
    expect(set.status).toBe(200);
    expect(set.body.payoutAccountId).toBe('acct_1Lumen');
    expect((await patch(founder, 'acct_1Lumen')).status).toBe(200);
    expectError(await patch(founder, 'acct_1Other'), 409, 'PAYOUT_ACCOUNT_ALREADY_SET');

    const view = await call<ProjectView>(h.listing, 'GET', `/v1/projects/${project.id}`);
    const snapshots = await query<{ payout: string | null }>(
      h,
      `SELECT payload->>'payoutAccountId' AS payout FROM project_listing.outbox
        WHERE event_type = 'project.terms-changed' AND aggregate_id = $1 AND aggregate_version = $2`,
      [project.id, view.body.version],
    );
    expect(snapshots).toEqual([{ payout: 'acct_1Lumen' }]);
  });
});

function companyBodyOf(name: string): Record<string, unknown> {
  return { name, registrationNumber: `REG-${name}`, sector: 'robotics', region: 'California', description: 'd' };
}
