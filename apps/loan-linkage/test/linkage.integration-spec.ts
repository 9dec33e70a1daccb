import { eventually } from '@crowdlink/testing';
import { Actor, call, expectError } from '../../../test/support/api-client';
import { publishFrom } from '../../../test/support/backbone';
import {
  closeRound,
  declareIp,
  equityRound,
  founder,
  LoanHarness,
  loanStatus,
  offer,
  post,
  query,
  serviceNow,
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

interface LoanView {
  status: string;
  principal: number;
  schedule: { seq: number; principal: number; interest: number; amount: number }[];
  collateral: { released: boolean }[];
  history: { from: string | null; to: string }[];
}

async function acceptedLoan(minEquityRaised: number, warrant?: { equityPercent: number; holder?: string }) {
  const owner = await founder(h);
  const round = await equityRound(h, owner);
  const patent = await declareIp(h, round);
  await valueIp(h, appraiser, patent, 40_000_000_00);
  const { body } = await offer(h, bank, {
    projectId: round.projectId,
    ipAssetIds: [patent],
    principal: 3_000_000_00,
    minEquityRaised,
    termMonths: 24,
    annualRateBps: 650,
    warrant,
  });
  const accepted = await post<{ status: string }>(h, owner, `/v1/loan-offers/${body.id}/accept`);
  expect(accepted.body.status).toBe('ACCEPTED');
  return { loanId: body.id, owner, round, patent };
}

function register(loanId: string) {
  return post<{ status: string }>(h, bank, `/v1/loans/${loanId}/collateral-registration`, {
    registrationNumber: 'CNIPA-ZX-2026-0042',
    registeredAt: serviceNow(h).toISOString(),
  });
}

async function outboxOf(loanId: string): Promise<string[]> {
  const rows = await query<{ event_type: string }>(
    h,
    `SELECT event_type FROM loan_linkage.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version, event_type`,
    [loanId],
  );
  return rows.map((row) => row.event_type);
}

describe('disbursement', () => {
  it('waits for the registration after a FUNDED close, then pays out with a schedule, a journal entry and the warrant', async () => {
    const { loanId, owner, round } = await acceptedLoan(5_000_000_00, {
      equityPercent: 2.5,
      holder: 'Lingnan Capital',
    });

    await closeRound(h, round.projectId, 'FUNDED', 6_000_000_00);
    expect(await loanStatus(h, loanId)).toBe('ACCEPTED');
    const registered = await register(loanId);

    expect(registered.status).toBe(200);
    expect(registered.body.status).toBe('DISBURSED');
    const loan = await call<LoanView>(h.loans, 'GET', `/v1/loans/${loanId}`, { token: owner.token });
    expect(loan.body.schedule).toHaveLength(24);
    expect(loan.body.schedule.reduce((sum, i) => sum + i.principal, 0)).toBe(3_000_000_00);
    const level = loan.body.schedule[0].amount;
    expect(loan.body.schedule.slice(0, 23).every((i) => i.amount === level)).toBe(true);
    expect(loan.body.history.map((t) => t.to)).toEqual(['OFFERED', 'ACCEPTED', 'DISBURSED']);

    const [entry] = await query<{ debits: string; credits: string }>(
      h,
      `SELECT sum(l.debit)::text AS debits, sum(l.credit)::text AS credits
         FROM loan_linkage.journal_entries e JOIN loan_linkage.journal_lines l ON l.entry_id = e.id
        WHERE e.reference_id = $1 AND e.kind = 'DISBURSEMENT'`,
      [loanId],
    );
    expect(entry).toEqual({ debits: '300000000', credits: '300000000' });
    expect(await outboxOf(loanId)).toEqual(['loan.offered', 'loan.accepted', 'loan.disbursed', 'warrant.granted']);
    const [warrant] = await query<{ payload: { equityBps: number; holder: string } }>(
      h,
      `SELECT payload FROM loan_linkage.outbox WHERE aggregate_id = $1 AND event_type = 'warrant.granted'`,
      [loanId],
    );
    expect(warrant.payload).toMatchObject({ equityBps: 250, holder: 'Lingnan Capital' });
  });

  it('pays out when the registration came first and the FUNDED close completes the linkage', async () => {
    const { loanId, round } = await acceptedLoan(1_000_000_00);
    expect((await register(loanId)).body.status).toBe('ACCEPTED');

    await closeRound(h, round.projectId, 'FUNDED', 1_000_000_00);

    expect(await loanStatus(h, loanId)).toBe('DISBURSED');
  });

  it('refuses a registration dated in the future or on a loan not yet accepted', async () => {
    const { loanId } = await acceptedLoan(0);
    expectError(
      await post(h, bank, `/v1/loans/${loanId}/collateral-registration`, {
        registrationNumber: 'X-1',
        registeredAt: new Date(serviceNow(h).getTime() + 3_600_000).toISOString(),
      }),
      422,
      'REGISTRATION_IN_FUTURE',
    );
    const round = await equityRound(h, await founder(h));
    const patent = await declareIp(h, round);
    await valueIp(h, appraiser, patent, 1_000_000_00);
    const { body } = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1_000 });
    expectError(await register(body.id), 409, 'LOAN_NOT_ACCEPTED');
  });
});

describe('lapse', () => {
  it('lapses offered and accepted loans when the round FAILS, freeing their collateral', async () => {
    const { loanId, round, patent } = await acceptedLoan(0);
    const second = await declareIp(h, round, 'TRADEMARK');
    await valueIp(h, appraiser, second, 1_000_000_00);
    const other = await offer(h, bank, { projectId: round.projectId, ipAssetIds: [second], principal: 1_000 });

    await closeRound(h, round.projectId, 'FAILED', 0);

    expect(await loanStatus(h, loanId)).toBe('LAPSED');
    expect(await loanStatus(h, other.body.id)).toBe('LAPSED');
    expect(
      await query(h, 'SELECT 1 FROM loan_linkage.loan_collateral WHERE ip_asset_id = ANY($1) AND released_at IS NULL', [
        [patent, second],
      ]),
    ).toEqual([]);
    expect(await outboxOf(loanId)).toEqual(['loan.offered', 'loan.accepted', 'loan.lapsed']);
  });

  it('lapses a loan whose round is FUNDED below minEquityRaised, even with the collateral registered', async () => {
    const { loanId, round } = await acceptedLoan(5_000_000_00);
    await register(loanId);

    await closeRound(h, round.projectId, 'FUNDED', 4_999_999_99);

    expect(await loanStatus(h, loanId)).toBe('LAPSED');
  });

  it('takes no new offers once the round has closed', async () => {
    const round = await equityRound(h, await founder(h));
    const patent = await declareIp(h, round);
    await valueIp(h, appraiser, patent, 1_000_000_00);
    await closeRound(h, round.projectId, 'FUNDED', 10_000_000_00);

    expectError(
      await offer(h, bank, { projectId: round.projectId, ipAssetIds: [patent], principal: 1_000 }),
      409,
      'ROUND_NOT_OPEN',
    );
  });
});

describe('withdrawal', () => {
  it('lapses the loans of a withdrawn project', async () => {
    const { loanId, round } = await acceptedLoan(0);

    await publishFrom(h.listing, 'project.withdrawn', round.projectId, round.projectVersion + 1, {
      ...round,
      projectVersion: round.projectVersion + 1,
      status: 'WITHDRAWN',
    });

    await eventually(async () => expect(await loanStatus(h, loanId)).toBe('LAPSED'));
  });
});
