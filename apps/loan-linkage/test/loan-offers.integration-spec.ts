import { randomUUID } from 'node:crypto';
import { Actor, call, expectError } from '../../../test/support/api-client';
import {
  declareIp,
  equityRound,
  founder,
  LoanHarness,
  loanStatus,
  offer,
  progress,
  query,
  serviceNow,
  staff,
  startLoanHarness,
  valueIp,
} from './loan-linkage.harness';

let h: LoanHarness;
let bank: Actor;
let appraiser: Actor;

beforeAll(async () => {
  h = await startLoanHarness();
  ({ bank, appraiser } = h);
});

afterAll(async () => {
  await h?.close();
});

/** A round with one invention patent valued at 4 000 000.00 CNY (LTV 25% → max loan 1 000 000.00). */
async function valuedRound(owner?: Actor) {
  const founderActor = owner ?? (await founder(h));
  const round = await equityRound(h, founderActor);
  const patent = await declareIp(h, round, 'INVENTION_PATENT');
  await valueIp(h, appraiser, patent, 4_000_000_00);
  return { founder: founderActor, round, patent };
}

describe('POST /v1/bank/loan-offers', () => {
  it('offers up to Σ valuation × LTV and shows the loan against the round target', async () => {
    const { round, patent } = await valuedRound();

    const answer = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1_000_000_00 });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'OFFERED', maxLoan: 1_000_000_00 });
    expect(answer.body.ventureDebt).toEqual({
      roundRatioBps: 1000,
      practiceMinBps: 2000,
      practiceMaxBps: 4000,
      withinPractice: false,
    });
  });

  it('refuses a principal above Σ valuation × LTV with 422 LOAN_TO_VALUE_EXCEEDED', async () => {
    const { round, patent } = await valuedRound();
    const trademark = await declareIp(h, round, 'TRADEMARK');
    await valueIp(h, appraiser, trademark, 1_000_000_00);

    const over = await offer(h, bank, {
      projectId: round.projectId,
      ipAssetIds: [patent, trademark],
      principal: 1_500_000_01,
    });

    expectError(over, 422, 'LOAN_TO_VALUE_EXCEEDED');
    expect(over.body).toMatchObject({ details: { maxLoan: 1_500_000_00 } });
    expect(await query(h, 'SELECT 1 FROM loan_linkage.loans WHERE project_id = $1', [round.projectId])).toEqual([]);
  });

  it('refuses IP without a current valuation, IP of another project and a term above the maximum', async () => {
    const { round, patent } = await valuedRound();
    const unvalued = await declareIp(h, round, 'UTILITY_MODEL');
    const other = await valuedRound();

    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [unvalued], principal: 1 }),
      422,
      'IP_ASSET_NOT_VALUED',
    );
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [other.patent], principal: 1 }),
      422,
      'IP_ASSET_NOT_IN_PROJECT',
    );
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1, termMonths: 37 }),
      422,
      'LOAN_TERM_TOO_LONG',
    );
    expectError(
      await offer(h, bank, { projectId: randomUUID(), ipAssetIds: [patent], principal: 1 }),
      404,
      'PROJECT_NOT_FOUND',
    );
  });

  it('lets exactly one of 20 concurrent offers on one asset through; the others get 409 COLLATERAL_ENCUMBERED', async () => {
    const { round, patent } = await valuedRound();
    const banks = await Promise.all([1, 2, 3, 4].map((n) => staff(h, 'bank', `Concurrent Bank ${n}`)));

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        offer(h, banks[i % banks.length], { projectId: round.projectId, ipAssetIds: [patent], principal: 500_000_00 }),
      ),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) expectError(refused, 409, 'COLLATERAL_ENCUMBERED');
    expect(
      await query(h, `SELECT 1 FROM loan_linkage.loan_collateral WHERE ip_asset_id = $1 AND released_at IS NULL`, [
        patent,
      ]),
    ).toHaveLength(1);
  });

  it('is for banks only, with the body validated', async () => {
    const { round, patent, founder: owner } = await valuedRound();

    expectError(
      await offer(h, owner, { projectId: round.projectId, ipAssetIds: [patent], principal: 1 }),
      403,
      'FORBIDDEN',
    );
    const bad = await call(h.loans, 'POST', '/v1/bank/loan-offers', {
      token: bank.token,
      body: { projectId: round.projectId, ipAssetIds: [patent], principal: 1.5, currency: 'cny', extra: 1 },
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
  });
});

describe('offer decisions', () => {
  it('the founder accepts (collateral stays reserved) and the other bank cannot see or withdraw it', async () => {
    const { round, patent, founder: owner } = await valuedRound();
    const { body } = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 100_000_00 });
    const otherBank = await staff(h, 'bank', 'Another Bank');

    expectError(await call(h.loans, 'GET', `/v1/loans/${body.id}`, { token: otherBank.token }), 404, 'LOAN_NOT_FOUND');
    const accepted = await call(h.loans, 'POST', `/v1/loan-offers/${body.id}/accept`, { token: owner.token });

    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ id: body.id, status: 'ACCEPTED' });
    expectError(
      await call(h.loans, 'POST', `/v1/bank/loan-offers/${body.id}/withdraw`, { token: bank.token }),
      409,
      'LOAN_TRANSITION_NOT_ALLOWED',
    );
    const loan = await call<{ history: { from: string | null; to: string }[] }>(
      h.loans,
      'GET',
      `/v1/loans/${body.id}`,
      {
        token: owner.token,
      },
    );
    expect(loan.body.history.map((t) => [t.from, t.to])).toEqual([
      [null, 'OFFERED'],
      ['OFFERED', 'ACCEPTED'],
    ]);
  });

  it('shows a bank its own organisation’s offers only', async () => {
    const { round, patent } = await valuedRound();
    const colleague = await staff(h, 'bank', 'Bank of Lingnan');
    const { body } = await offer(h, colleague, { projectId: round.projectId, ipAssetIds: [patent], principal: 1_000 });
    const outsider = await staff(h, 'bank', 'Bank of Elsewhere');

    const own = await call<{ items: { id: string }[] }>(h.loans, 'GET', '/v1/bank/loans?limit=100', {
      token: bank.token,
    });
    const theirs = await call<{ items: { id: string }[] }>(h.loans, 'GET', '/v1/bank/loans?limit=100', {
      token: outsider.token,
    });

    expect(own.body.items.map((i) => i.id)).toContain(body.id);
    expect(theirs.body.items.map((i) => i.id)).not.toContain(body.id);
    expect((await call(h.loans, 'GET', `/v1/loans/${body.id}`, { token: bank.token })).status).toBe(200);
  });

  it('a decline or a withdrawal frees the collateral for another offer', async () => {
    const { round, patent, founder: owner } = await valuedRound();
    const first = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 100_000_00 });
    expect(
      (await call(h.loans, 'POST', `/v1/loan-offers/${first.body.id}/decline`, { token: owner.token })).body,
    ).toEqual({ id: first.body.id, status: 'DECLINED' });

    const second = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 100_000_00 });
    expect(second.status).toBe(201);
    const withdrawn = await call(h.loans, 'POST', `/v1/bank/loan-offers/${second.body.id}/withdraw`, {
      token: bank.token,
    });
    expect(withdrawn.body).toEqual({ id: second.body.id, status: 'WITHDRAWN' });
    expect(await loanStatus(h, second.body.id)).toBe('WITHDRAWN');

    expect((await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1 })).status).toBe(201);
  });

  it('only the project owner decides', async () => {
    const { round, patent } = await valuedRound();
    const { body } = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 100_000_00 });
    const stranger = await founder(h);

    expectError(
      await call(h.loans, 'POST', `/v1/loan-offers/${body.id}/accept`, { token: stranger.token }),
      404,
      'LOAN_NOT_FOUND',
    );
  });
});

describe('GET /v1/bank/projects', () => {
  it('shows valued, unencumbered IP with its cap and the round aggregates, and no investor identity', async () => {
    const { round, patent } = await valuedRound();
    const encumbered = await declareIp(h, round, 'TRADEMARK');
    await valueIp(h, appraiser, encumbered, 1_000_000_00);
    await offer(h, bank, { projectId: round.projectId, ipAssetIds: [encumbered], principal: 100_000_00 });
    await progress(h, round.projectId, 2_500_000_00, 7);

    const answer = await call<{ items: { project: { id: string } }[] }>(
      h.loans,
      'GET',
      `/v1/bank/projects?limit=100&sector=energy`,
      { token: bank.token },
    );

    expect(answer.status).toBe(200);
    const item = answer.body.items.find((i) => i.project.id === round.projectId);
    expect(item).toMatchObject({
      funding: { target: 10_000_000_00, raised: 2_500_000_00, pledgeCount: 7, percentOfTarget: 25, status: 'LIVE' },
      collateral: [
        { ipAsset: { id: patent }, ltvBps: 2500, maxLoan: 1_000_000_00, valuation: { value: 4_000_000_00 } },
      ],
      maxLoan: 1_000_000_00,
    });
    // aggregates only: no investor, holder or pledge identity anywhere in the raw answer
    expect(answer.text).not.toMatch(/investor|holder|pledgeId|displayName|email/i);
    expect(Object.keys((item as unknown as { funding: object }).funding).sort()).toEqual([
      'daysLeft',
      'percentOfTarget',
      'pledgeCount',
      'raised',
      'status',
      'target',
    ]);
  });

  it('leaves out projects whose IP is all encumbered or unvalued, and refuses non-banks', async () => {
    const { round, patent } = await valuedRound();
    await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1 });
    const unvalued = await equityRound(h, await founder(h));
    await declareIp(h, unvalued);

    const answer = await call<{ items: { project: { id: string } }[] }>(h.loans, 'GET', '/v1/bank/projects?limit=100', {
      token: bank.token,
    });

    const ids = answer.body.items.map((i) => i.project.id);
    expect(ids).not.toContain(round.projectId);
    expect(ids).not.toContain(unvalued.projectId);
    expectError(await call(h.loans, 'GET', '/v1/bank/projects', { token: appraiser.token }), 403, 'FORBIDDEN');
  });
});

describe('POST /v1/ip-assets/:id/valuations', () => {
  it('keeps every valuation; the newest counts, and only while valid', async () => {
    const round = await equityRound(h, await founder(h));
    const patent = await declareIp(h, round);
    await valueIp(h, appraiser, patent, 4_000_000_00);
    const newest = await call<{ id: string }>(h.loans, 'POST', `/v1/ip-assets/${patent}/valuations`, {
      token: appraiser.token,
      body: {
        method: 'MARKET',
        value: 2_000_000_00,
        currency: 'CNY',
        validUntil: new Date(serviceNow(h).getTime() + 2_000).toISOString(),
        reportRef: 'GZ-APPR-2026-002',
      },
    });
    expect(newest.status).toBe(201);

    const asset = await call<{ currentValuation: { id: string } | null; valuations: unknown[]; lienStatus: string }>(
      h.loans,
      'GET',
      `/v1/ip-assets/${patent}`,
      { token: bank.token },
    );
    expect(asset.body).toMatchObject({ currentValuation: { id: newest.body.id }, lienStatus: 'FREE' });
    expect(asset.body.valuations).toHaveLength(2);
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 500_000_01 }),
      422,
      'LOAN_TO_VALUE_EXCEEDED',
    );

    h.clock.advance(3_000);
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1 }),
      422,
      'IP_ASSET_NOT_VALUED',
    );
    expect(
      (await call<{ currentValuation: unknown }>(h.loans, 'GET', `/v1/ip-assets/${patent}`, { token: bank.token })).body
        .currentValuation,
    ).toBeNull();
  });

  it('is for appraisers, refuses an already expired validity and an unknown asset, and is audited', async () => {
    const round = await equityRound(h, await founder(h));
    const patent = await declareIp(h, round);
    const body = { method: 'COST', value: 1, currency: 'CNY', reportRef: 'R-1' };
    const future = new Date(serviceNow(h).getTime() + 86_400_000).toISOString();

    expectError(
      await call(h.loans, 'POST', `/v1/ip-assets/${patent}/valuations`, {
        token: bank.token,
        body: { ...body, validUntil: future },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(h.loans, 'POST', `/v1/ip-assets/${patent}/valuations`, {
        token: appraiser.token,
        body: { ...body, validUntil: new Date(serviceNow(h).getTime() - 1).toISOString() },
      }),
      422,
      'VALUATION_ALREADY_EXPIRED',
    );
    expectError(
      await call(h.loans, 'POST', `/v1/ip-assets/${randomUUID()}/valuations`, {
        token: appraiser.token,
        body: { ...body, validUntil: future },
      }),
      404,
      'IP_ASSET_NOT_FOUND',
    );
    await valueIp(h, appraiser, patent, 1_000);
    const audit = await call<{ items: { action: string; subjectId: string }[] }>(
      h.loans,
      'GET',
      `/v1/admin/audit?actorId=${appraiser.id}&limit=100`,
      { token: h.admin.token },
    );
    expect(audit.body.items.filter((i) => i.subjectId === patent).map((i) => i.action)).toEqual(['valuation.recorded']);
  });
});
