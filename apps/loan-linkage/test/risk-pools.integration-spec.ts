import { randomUUID } from 'node:crypto';
import { Actor, call, expectError } from '../../../test/support/api-client';
import {
  advanceDays,
  disbursedLoan,
  LoanHarness,
  loanStatus,
  offer,
  post,
  query,
  staff,
  startLoanHarness,
  declareIp,
  equityRound,
  founder,
  valueIp,
} from './loan-linkage.harness';

let h: LoanHarness;
let bank: Actor;
let appraiser: Actor;

beforeAll(async () => {
  h = await startLoanHarness({ TEST_CLOCK_CONTROL: 'true' });
  ({ bank, appraiser } = h);
});

afterAll(async () => {
  await h?.close();
});

interface Pool {
  id: string;
  balance: number;
  enrolledPrincipal: number;
  parties: { party: string; role: string; shareBps: number }[];
}

async function pool(overrides: Record<string, unknown> = {}): Promise<Pool> {
  const answer = await call<Pool>(h.loans, 'POST', '/v1/admin/risk-pools', {
    token: h.admin.token,
    body: {
      name: 'Guangzhou IP pledge pool',
      sponsor: 'Guangzhou Science and Technology Bureau',
      currency: 'CNY',
      balance: 100_000_000_00,
      coverageBps: 5000,
      perLoanCap: 100_000_000_00,
      ...overrides,
    },
  });
  if (answer.status !== 201) throw new Error(`risk-pools answered ${answer.status}: ${answer.text}`);
  return answer.body;
}

function claim(loanId: string, by: Actor = bank) {
  return post<{ compensation: number; unrecoveredPrincipal: number }>(h, by, `/v1/loans/${loanId}/claims`);
}

describe('POST /v1/admin/risk-pools', () => {
  it('keeps the api.md body working and adds loss-sharing parties summing to 10 000 bps', async () => {
    const simple = await pool();
    expect(simple.parties).toEqual([
      { party: 'Guangzhou Science and Technology Bureau', role: 'POOL', shareBps: 5000 },
      { party: 'lending bank', role: 'BANK', shareBps: 5000 },
    ]);

    const zhongshan = await pool({
      coverageBps: 5400,
      perBorrowerCap: 20_000_000_00,
      perYearCap: 50_000_000_00,
      leverageMultiple: 8,
      parties: [
        { party: 'Zhongshan fund', role: 'POOL', shareBps: 5400 },
        { party: 'bank', role: 'BANK', shareBps: 2600 },
        { party: 'insurer', role: 'INSURER', shareBps: 1600 },
        { party: 'appraiser', role: 'APPRAISER', shareBps: 400 },
      ],
    });
    expect(zhongshan.parties.map((p) => p.shareBps)).toEqual([5400, 2600, 1600, 400]);

    const unbalanced = await call(h.loans, 'POST', '/v1/admin/risk-pools', {
      token: h.admin.token,
      body: {
        name: 'x',
        sponsor: 'y',
        currency: 'CNY',
        balance: 1,
        coverageBps: 5000,
        perLoanCap: 1,
        parties: [{ party: 'fund', role: 'POOL', shareBps: 5000 }],
      },
    });
    expectError(unbalanced, 422, 'LOSS_SHARES_INVALID');
    expectError(await post(h, bank, '/v1/admin/risk-pools', {}), 403, 'FORBIDDEN');
  });
});

describe('enrolment', () => {
  it('refuses an offer that would pass the leverage limit (enrolled principal ≤ 10 × balance)', async () => {
    const small = await pool({ balance: 100_000_00 });
    const round = await equityRound(h, await founder(h));
    const [a, b] = [await declareIp(h, round), await declareIp(h, round)];
    await valueIp(h, appraiser, a, 40_000_000_00);
    await valueIp(h, appraiser, b, 40_000_000_00);

    const first = await offer(h, bank, {
      projectId: round.projectId,
      ipAssetIds: [a],
      principal: 600_000_00,
      riskPoolId: small.id,
    });
    const second = await offer(h, bank, {
      projectId: round.projectId,
      ipAssetIds: [b],
      principal: 400_000_01,
      riskPoolId: small.id,
    });

    expect(first.status).toBe(201);
    expectError(second, 422, 'RISK_POOL_LEVERAGE_EXCEEDED');
    expect(second.body).toMatchObject({ details: { capacity: 400_000_00 } });
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [b], principal: 1, riskPoolId: randomUUID() }),
      404,
      'RISK_POOL_NOT_FOUND',
    );
  });
});

describe('POST /v1/loans/:id/claims', () => {
  let shared: Pool;
  let capped: Pool;
  let yearly: Pool;
  let thin: Pool;
  let perBorrower: Pool;
  const loans: Record<string, string> = {};
  const borrower = randomUUID();

  beforeAll(async () => {
    shared = await pool();
    capped = await pool({ perLoanCap: 300_000_00 });
    yearly = await pool({ perYearCap: 700_000_00 });
    thin = await pool({ balance: 200_000_00 });
    perBorrower = await pool({ perBorrowerCap: 600_000_00 });
    const take = async (name: string, riskPoolId: string | undefined, companyId?: string) => {
      loans[name] = (await disbursedLoan(h, bank, appraiser, { riskPoolId, companyId })).loanId;
    };
    await take('concurrent', shared.id);
    await take('capped', capped.id);
    await take('yearly1', yearly.id);
    await take('yearly2', yearly.id);
    await take('thin', thin.id);
    await take('borrower1', perBorrower.id, borrower);
    await take('borrower2', perBorrower.id, borrower);
    await take('unenrolled', undefined);
    await take('current', shared.id);
    // every loan above misses its first instalment for 90 days; 'current' keeps paying
    await advanceDays(h, 32);
    await post(h, bank, `/v1/loans/${loans.current}/repayments`, { amount: 1 });
    const [firstDue] = await query<{ amount: string }>(
      h,
      `SELECT (principal + interest - paid)::text AS amount FROM loan_linkage.instalments WHERE loan_id = $1 AND seq = 1`,
      [loans.current],
    );
    await post(h, bank, `/v1/loans/${loans.current}/repayments`, { amount: Number(firstDue.amount) });
    await advanceDays(h, 90);
  }, 120_000);

  it('pays the pool’s share of the unrecovered principal once, even under 10 concurrent claims', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => claim(loans.concurrent)));

    const paid = answers.filter((a) => a.status === 201);
    expect(paid).toHaveLength(1);
    expect(paid[0].body).toMatchObject({ unrecoveredPrincipal: 1_000_000_00, compensation: 500_000_00 });
    for (const refused of answers.filter((a) => a.status !== 201)) expectError(refused, 409, 'CLAIM_ALREADY_PAID');
    expect(await loanStatus(h, loans.concurrent)).toBe('COMPENSATED');
    const [after] = await query<{ balance: string }>(
      h,
      'SELECT balance::text FROM loan_linkage.risk_pools WHERE id = $1',
      [shared.id],
    );
    expect(after.balance).toBe(String(100_000_000_00 - 500_000_00));
    expectError(await claim(loans.concurrent), 409, 'CLAIM_ALREADY_PAID');
  });

  it('stops at the per-loan cap', async () => {
    expect((await claim(loans.capped)).body.compensation).toBe(300_000_00);
  });

  it('stops at the per-year cap across the pool’s claims', async () => {
    expect((await claim(loans.yearly1)).body.compensation).toBe(500_000_00);
    expect((await claim(loans.yearly2)).body.compensation).toBe(200_000_00);
  });

  it('stops at the per-borrower cap across one company’s loans', async () => {
    expect((await claim(loans.borrower1)).body.compensation).toBe(500_000_00);
    expect((await claim(loans.borrower2)).body.compensation).toBe(100_000_00);
  });

  it('never pays more than the pool’s balance', async () => {
    expect((await claim(loans.thin)).body.compensation).toBe(200_000_00);
    const [after] = await query<{ balance: string }>(
      h,
      'SELECT balance::text FROM loan_linkage.risk_pools WHERE id = $1',
      [thin.id],
    );
    expect(after.balance).toBe('0');
  });

  it('refuses claims on loans not DEFAULTED, not enrolled, or of another bank', async () => {
    expectError(await claim(loans.current), 409, 'LOAN_NOT_DEFAULTED');
    expectError(await claim(loans.unenrolled), 422, 'LOAN_NOT_ENROLLED');
    expectError(await claim(loans.capped, await staff(h, 'bank', 'Another Bank')), 404, 'LOAN_NOT_FOUND');
  });

  it('records the bank’s actions in the audit log, readable by admins only', async () => {
    const audit = await call<{ items: { action: string; subjectId: string; actorId: string }[] }>(
      h.loans,
      'GET',
      `/v1/admin/audit?actorId=${bank.id}&limit=100`,
      { token: h.admin.token },
    );

    expect(audit.status).toBe(200);
    const actions = audit.body.items.filter((i) => i.subjectId === loans.capped).map((i) => i.action);
    expect(actions.sort()).toEqual(['claim.paid', 'collateral.registered', 'loan.offered']);
    expect(audit.body.items.every((i) => i.actorId === bank.id)).toBe(true);
    expectError(await call(h.loans, 'GET', '/v1/admin/audit', { token: bank.token }), 403, 'FORBIDDEN');
  });

  it('pages the audit log newest first; a cursor it did not give is 400 INVALID_CURSOR', async () => {
    const auditPage = (query: string) =>
      call<{ items: { id: string }[]; nextCursor: string | null }>(h.loans, 'GET', `/v1/admin/audit?${query}`, {
        token: h.admin.token,
      });
    const all = await auditPage(`actorId=${bank.id}&limit=100`);
    const first = await auditPage(`actorId=${bank.id}&limit=1`);
    const second = await auditPage(`actorId=${bank.id}&limit=1&cursor=${first.body.nextCursor}`);

    expect([...first.body.items, ...second.body.items].map((i) => i.id)).toEqual(
      all.body.items.slice(0, 2).map((i) => i.id),
    );
    expect(all.body.nextCursor).toBeNull();
    expectError(await auditPage('cursor=latest'), 400, 'INVALID_CURSOR');
  });
});
