import { startTestService } from '@crowdlink/testing';
import { Client } from 'pg';
import { Actor, call, expectError } from '../../../test/support/api-client';
import { loanLinkageService } from '../src/loan-linkage.definition';
import {
  advanceDays,
  disbursedLoan,
  LoanHarness,
  loanStatus,
  offer,
  post,
  query,
  startLoanHarness,
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

interface LoanView {
  status: string;
  outstandingPrincipal: number;
  schedule: { seq: number; amount: number; paid: number; interest: number; status: string }[];
  collateral: { released: boolean }[];
}

function loanView(actor: Actor, loanId: string) {
  return call<LoanView>(h.loans, 'GET', `/v1/loans/${loanId}`, { token: actor.token });
}

describe('POST /v1/loans/:id/repayments', () => {
  it('pays the oldest instalment first, interest before principal', async () => {
    const { loanId, owner } = await disbursedLoan(h, bank, appraiser, { annualRateBps: 1200, termMonths: 12 });
    const before = (await loanView(owner, loanId)).body.schedule;

    const paid = await post<{ principalPart: number; interestPart: number; loanStatus: string }>(
      h,
      owner,
      `/v1/loans/${loanId}/repayments`,
      { amount: before[0].amount + 100 },
    );

    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ interestPart: before[0].interest + 100, loanStatus: 'DISBURSED' });
    const after = (await loanView(owner, loanId)).body.schedule;
    expect(after.slice(0, 3).map((i) => [i.status, i.paid])).toEqual([
      ['PAID', before[0].amount],
      ['DUE', 100],
      ['DUE', 0],
    ]);
  });

  it('makes the loan REPAID on the last payment, frees the collateral, and refuses paying more than is owed', async () => {
    const { loanId, owner, round, patent } = await disbursedLoan(h, bank, appraiser, { termMonths: 6 });
    const owed = (await loanView(owner, loanId)).body.schedule.reduce((sum, i) => sum + i.amount, 0);

    expectError(
      await post(h, owner, `/v1/loans/${loanId}/repayments`, { amount: owed + 1 }),
      422,
      'REPAYMENT_EXCEEDS_OUTSTANDING',
    );
    expect((await post(h, bank, `/v1/loans/${loanId}/repayments`, { amount: owed - 1 })).status).toBe(201);
    const last = await post<{ loanStatus: string; outstanding: number }>(h, owner, `/v1/loans/${loanId}/repayments`, {
      amount: 1,
    });

    expect(last.body).toMatchObject({ loanStatus: 'REPAID', outstanding: 0 });
    const view = (await loanView(owner, loanId)).body;
    expect(view).toMatchObject({ status: 'REPAID', outstandingPrincipal: 0, collateral: [{ released: true }] });
    expectError(await post(h, owner, `/v1/loans/${loanId}/repayments`, { amount: 1 }), 409, 'LOAN_NOT_REPAYABLE');
    // the IP is free again, but the round has closed: the refusal is about the round, not the collateral
    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1 }),
      409,
      'ROUND_NOT_OPEN',
    );
    const [ledger] = await query<{ debits: string; credits: string }>(
      h,
      `SELECT sum(l.debit)::text AS debits, sum(l.credit)::text AS credits
         FROM loan_linkage.journal_lines l WHERE l.account = $1`,
      [`loan-receivable:${loanId}`],
    );
    expect(ledger).toEqual({ debits: '100000000', credits: '100000000' });
  });
  it('replays a repayment sent again with the same Idempotency-Key, once, even concurrently', async () => {
    const { loanId, owner } = await disbursedLoan(h, bank, appraiser);
    const send = (amount: number) =>
      call<{ id: string }>(h.loans, 'POST', `/v1/loans/${loanId}/repayments`, {
        token: owner.token,
        body: { amount },
        headers: { 'idempotency-key': 'repay-2026-12' },
      });

    const answers = await Promise.all([send(5_000), send(5_000), send(5_000)]);

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await query(h, 'SELECT 1 FROM loan_linkage.repayments WHERE loan_id = $1', [loanId])).toHaveLength(1);
    expectError(await send(6_000), 422, 'IDEMPOTENCY_KEY_REUSED');
  });
});

describe('servicing (overdue and default)', () => {
  it('marks an unpaid instalment overdue, and defaults the loan 90 days past due', async () => {
    const { loanId, owner } = await disbursedLoan(h, bank, appraiser);

    const month = await advanceDays(h, 32);
    expect(month.instalmentsMarkedOverdue).toBeGreaterThanOrEqual(1);
    expect(month.defaultedLoanIds).not.toContain(loanId);
    expect((await loanView(owner, loanId)).body.schedule[0].status).toBe('OVERDUE');
    expect(await loanStatus(h, loanId)).toBe('DISBURSED');

    const later = await advanceDays(h, 89);
    expect(later.defaultedLoanIds).toContain(loanId);
    expect(await loanStatus(h, loanId)).toBe('DEFAULTED');
    const events = await query<{ event_type: string }>(
      h,
      `SELECT event_type FROM loan_linkage.outbox WHERE aggregate_id = $1 AND event_type = 'loan.defaulted'`,
      [loanId],
    );
    expect(events).toHaveLength(1);
    expect((await advanceDays(h, 1)).defaultedLoanIds).not.toContain(loanId);
  });

  it('does not default a loan whose overdue instalment was paid in time', async () => {
    const { loanId, owner } = await disbursedLoan(h, bank, appraiser);
    await advanceDays(h, 32);
    const first = (await loanView(owner, loanId)).body.schedule[0];
    await post(h, owner, `/v1/loans/${loanId}/repayments`, { amount: first.amount });

    const run = await advanceDays(h, 60);

    expect(run.defaultedLoanIds).not.toContain(loanId);
    expect(await loanStatus(h, loanId)).toBe('DISBURSED');
  });
});

describe('POST /v1/admin/test-clock', () => {
  it('is admin-only and does not exist unless TEST_CLOCK_CONTROL=true', async () => {
    expectError(await post(h, bank, '/v1/admin/test-clock', { advanceDays: 1 }), 403, 'FORBIDDEN');
    const plain = await startTestService(loanLinkageService, h.world);
    try {
      const answer = await call(plain, 'POST', '/v1/admin/test-clock', {
        token: h.admin.token,
        body: { advanceDays: 1 },
      });
      expectError(answer, 404, 'NOT_FOUND');
    } finally {
      await plain.close();
    }
  });
});

describe('loan ledger', () => {
  it('refuses to commit an unbalanced journal entry', async () => {
    const client = new Client({ connectionString: h.world.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO loan_linkage.journal_entries (id, kind, reference_id, currency, occurred_at)
         VALUES ('00000000-0000-7000-8000-000000000001', 'REPAYMENT', gen_random_uuid(), 'CNY', now())`,
      );
      await client.query(
        `INSERT INTO loan_linkage.journal_lines (id, entry_id, account, debit)
         VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'bank-cash:x', 100)`,
      );
      await expect(client.query('COMMIT')).rejects.toThrow(/does not balance/);
    } finally {
      await client.end();
    }
  });
});
