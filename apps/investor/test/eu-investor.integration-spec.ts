import { FixedClock } from '@crowdlink/domain';
import { eventually } from '@crowdlink/testing';
import { KNOWLEDGE_TEST_QUESTIONS } from '../src/knowledge-test/knowledge-test.questions';
import {
  Actor,
  call,
  DAY_MS,
  expectError,
  fieldsIn,
  Harness,
  profileOf,
  putProfile,
  query,
  register,
  startHarness,
} from './investor.harness';

/*
 * The EU (ECSPR) investor steps: the entry knowledge test and its expiry, the loss
 * simulation, and sophisticated status on request with an admin's decision. The investor
 * service stands on a fixed clock so that "two years later" is a step away.
 */

const START = new Date('2026-03-01T09:00:00.000Z');
const clock = new FixedClock(START);
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => clock.set(START));

const CORRECT = KNOWLEDGE_TEST_QUESTIONS.map((question) => question.correct);

/** The correct answers with the first `wrong` of them spoiled. */
function answersWith(wrong: number): string[] {
  return CORRECT.map((answer, index) => (index < wrong ? `${answer}-wrong` : answer));
}

interface TestResult {
  passed: boolean;
  score: number;
  questions: number;
  validUntil: string | null;
}

async function takeTest(investor: Actor, answers: unknown) {
  return call<TestResult>(h.investor, 'POST', '/v1/investors/me/knowledge-test', {
    token: investor.token,
    body: { answers },
  });
}

describe('knowledge test', () => {
  it('lists the questions without their answers', async () => {
    const investor = await register(h, 'investor');
    const answer = await call<{ items: Record<string, unknown>[] }>(
      h.investor,
      'GET',
      '/v1/investors/knowledge-test/questions',
      { token: investor.token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(10);
    for (const question of answer.body.items) {
      expect(Object.keys(question).sort()).toEqual(['id', 'options', 'text']);
      expect(JSON.stringify(question)).not.toContain('correct');
    }
  });

  it('passes at 7 of 10, valid for two years, and the profile says so', async () => {
    const investor = await register(h, 'investor');
    const result = await takeTest(investor, answersWith(3));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ passed: true, score: 7, questions: 10, validUntil: '2028-03-01T09:00:00.000Z' });
    expect((await profileOf(h, investor)).knowledgeTest).toEqual({
      status: 'PASSED',
      passedAt: START.toISOString(),
      validUntil: '2028-03-01T09:00:00.000Z',
    });
  });

  it('fails at 6 of 10 and records nothing as passed', async () => {
    const investor = await register(h, 'investor');
    const result = await takeTest(investor, answersWith(4));
    expect(result.body).toEqual({ passed: false, score: 6, questions: 10, validUntil: null });
    expect((await profileOf(h, investor)).knowledgeTest.status).toBe('NOT_PASSED');
    const attempts = await query(h, `SELECT passed FROM investor.knowledge_test_attempts WHERE user_id = $1`, [
      investor.id,
    ]);
    expect(attempts).toEqual([{ passed: false }]);
  });

  it('expires two years after the pass, and a new pass renews it', async () => {
    const investor = await register(h, 'investor');
    await takeTest(investor, CORRECT);

    clock.set(new Date(START.getTime() + 2 * 365 * DAY_MS - DAY_MS));
    expect((await profileOf(h, investor)).knowledgeTest.status).toBe('PASSED');
    // a failed retake while the pass still holds does not take it away
    expect((await takeTest(investor, answersWith(10))).body).toMatchObject({
      passed: false,
      score: 0,
      validUntil: '2028-03-01T09:00:00.000Z',
    });

    clock.set(new Date('2028-03-01T09:00:00.000Z'));
    expect((await profileOf(h, investor)).knowledgeTest.status).toBe('EXPIRED');

    expect((await takeTest(investor, CORRECT)).body).toMatchObject({
      passed: true,
      validUntil: '2030-03-01T09:00:00.000Z',
    });
    expect((await profileOf(h, investor)).knowledgeTest.status).toBe('PASSED');
    await eventually(async () => {
      const [row] = await query<{ until: string }>(
        h,
        `SELECT to_char(knowledge_test_passed_until AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS until
           FROM pledge.investor_eligibility WHERE user_id = $1`,
        [investor.id],
      );
      expect(row?.until).toBe('2030-03-01');
    });
  });

  it.each([
    [CORRECT.slice(0, 9), 'answers'],
    [[...CORRECT, 'a'], 'answers'],
    ['abc', 'answers'],
    [CORRECT.map(() => 1), 'answers'],
  ])('refuses %j with 400 VALIDATION_FAILED', async (answers, field) => {
    const investor = await register(h, 'investor');
    const answer = await takeTest(investor, answers);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toContain(field);
  });
});

describe('loss simulation', () => {
  async function simulate(investor: Actor, body: unknown = { acknowledged: true }) {
    return call<Record<string, unknown>>(h.investor, 'POST', '/v1/investors/me/loss-simulation', {
      token: investor.token,
      body,
    });
  }

  it('shows 10% of a EUR net worth and records the acknowledgement', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { country: 'DE', currency: 'EUR', netWorth: 200_000_00 });
    const answer = await simulate(investor);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      netWorth: 200_000_00,
      lossBearingCapacity: 20_000_00,
      currency: 'EUR',
      acknowledgedAt: START.toISOString(),
    });
    expect((await profileOf(h, investor)).lossSimulationAcknowledgedAt).toBe(START.toISOString());
  });

  it('asks for a net worth in EUR with 422 NET_WORTH_IN_EUR_REQUIRED', async () => {
    const investor = await register(h, 'investor');
    expectError(await simulate(investor), 422, 'NET_WORTH_IN_EUR_REQUIRED');
    await putProfile(h, investor, { currency: 'USD' });
    const answer = await simulate(investor);
    expectError(answer, 422, 'NET_WORTH_IN_EUR_REQUIRED');
    expect(answer.body.details).toEqual({ currency: 'USD' });
    expect((await profileOf(h, investor)).lossSimulationAcknowledgedAt).toBeNull();
  });

  it('needs acknowledged: true', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { currency: 'EUR' });
    for (const body of [{ acknowledged: false }, {}, { acknowledged: 'true' }]) {
      const answer = await simulate(investor, body);
      expectError(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsIn(answer)).toEqual(['acknowledged']);
    }
  });
});

describe('sophisticated investor status', () => {
  const qualifying = {
    criteria: ['INCOME_OR_PORTFOLIO', 'FINANCIAL_SECTOR_EXPERIENCE'],
    evidence: {
      kind: 'person',
      income: 75_000_00,
      yearsOfFinancialSectorExperience: 3,
      description: 'Analyst at a bank',
    },
  };

  async function request(investor: Actor, body: unknown = qualifying) {
    return call<Record<string, unknown>>(h.investor, 'POST', '/v1/investors/me/sophisticated-request', {
      token: investor.token,
      body,
    });
  }

  async function decide(userId: string, decision: string, notes = 'documents checked') {
    return call<Record<string, unknown>>(h.investor, 'POST', `/v1/admin/investors/${userId}/sophisticated`, {
      token: h.admin.token,
      body: { decision, notes },
    });
  }

  it('is requested (201, with whether Annex II is met), then approved by an admin', async () => {
    const investor = await register(h, 'investor');
    const requested = await request(investor);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      userId: investor.id,
      status: 'REQUESTED',
      criteria: qualifying.criteria,
      evidence: qualifying.evidence,
      meetsCriteria: true,
      decidedBy: null,
    });
    expect((await profileOf(h, investor)).sophisticatedStatus).toBe('REQUESTED');
    expectError(await request(investor), 409, 'SOPHISTICATION_REQUEST_NOT_ALLOWED');

    const approved = await decide(investor.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', decidedBy: h.admin.id, notes: 'documents checked' });
    expect((await profileOf(h, investor)).sophisticatedStatus).toBe('APPROVED');
    expectError(await decide(investor.id, 'reject'), 409, 'NO_SOPHISTICATION_REQUEST');
    expectError(await request(investor), 409, 'SOPHISTICATION_REQUEST_NOT_ALLOWED');

    await eventually(async () => {
      const [row] = await query<{ sophisticated: boolean }>(
        h,
        `SELECT sophisticated FROM pledge.investor_eligibility WHERE user_id = $1`,
        [investor.id],
      );
      expect(row?.sophisticated).toBe(true);
    });
  });

  it('may be asked again after a rejection, and keeps every request in the history', async () => {
    const investor = await register(h, 'investor');
    const weak = {
      criteria: ['TRADING_ACTIVITY'],
      evidence: { kind: 'person', significantTradesPerQuarterLastFourQuarters: [12, 11, 10, 15] },
    };
    expect((await request(investor, weak)).body).toMatchObject({ meetsCriteria: false });
    expect((await decide(investor.id, 'reject', 'one criterion only')).body).toMatchObject({ status: 'REJECTED' });
    expect((await profileOf(h, investor)).sophisticatedStatus).toBe('REJECTED');

    expect((await request(investor)).status).toBe(201);
    const history = await call<{ items: { status: string; notes: string | null }[] }>(
      h.investor,
      'GET',
      `/v1/admin/investors/${investor.id}/sophisticated`,
      { token: h.admin.token },
    );
    expect(history.body.items.map(({ status, notes }) => ({ status, notes }))).toEqual([
      { status: 'REJECTED', notes: 'one criterion only' },
      { status: 'REQUESTED', notes: null },
    ]);
  });

  it('refuses decisions without a request (409), on unknown investors (404), and from non-admins (403)', async () => {
    const investor = await register(h, 'investor');
    expectError(await decide(investor.id, 'approve'), 409, 'NO_SOPHISTICATION_REQUEST');
    expectError(await decide('0197a5a0-0000-7000-8000-000000000000', 'approve'), 404, 'INVESTOR_NOT_FOUND');
    await request(investor);
    const self = await call(h.investor, 'POST', `/v1/admin/investors/${investor.id}/sophisticated`, {
      token: investor.token,
      body: { decision: 'approve', notes: '' },
    });
    expectError(self, 403, 'FORBIDDEN');
  });

  it.each([
    [{ criteria: [], evidence: { kind: 'person' } }, 'criteria'],
    [{ criteria: ['RICH'], evidence: { kind: 'person' } }, 'criteria'],
    [{ criteria: ['OWN_FUNDS'], evidence: { kind: 'trust' } }, 'evidence.kind'],
    [{ criteria: ['OWN_FUNDS'], evidence: { kind: 'company', ownFunds: -5 } }, 'evidence.ownFunds'],
    [{ criteria: ['OWN_FUNDS'] }, 'evidence'],
  ])('refuses %j with 400 VALIDATION_FAILED', async (body, field) => {
    const investor = await register(h, 'investor');
    const answer = await request(investor, body);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toContain(field);
  });
});
