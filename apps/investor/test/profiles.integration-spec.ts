import { eventually } from '@crowdlink/testing';
import {
  Actor,
  call,
  expectError,
  fieldsIn,
  Harness,
  profileBody,
  profileOf,
  ProfileView,
  putProfile,
  query,
  register,
  startHarness,
} from './investor.harness';

/*
 * The investor's own profile (only /me), KYC decided by admins, and the eligibility
 * snapshot that reaches the pledge service's projection through the real backbone.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function decideKyc(userId: string, decision: string, notes = 'checked passport') {
  return call<ProfileView>(h.investor, 'POST', `/v1/admin/investors/${userId}/kyc`, {
    token: h.admin.token,
    body: { decision, notes },
  });
}

interface EligibilityRow {
  version: number;
  kyc_status: string;
  accredited: boolean;
  currency: string | null;
  annual_income: string | null;
  net_worth: string | null;
  financial_assets: string | null;
  sophisticated: boolean;
}

async function eligibilityOf(userId: string): Promise<EligibilityRow | undefined> {
  const [row] = await query<EligibilityRow>(h, `SELECT * FROM pledge.investor_eligibility WHERE user_id = $1`, [
    userId,
  ]);
  return row;
}

describe('GET /v1/investors/me', () => {
  it('answers the empty profile from registration on', async () => {
    const investor = await register(h, 'investor');
    expect(await profileOf(h, investor)).toMatchObject({
      userId: investor.id,
      displayName: 'A investor',
      type: null,
      country: null,
      currency: null,
      annualIncome: null,
      netWorth: null,
      financialAssets: null,
      averageAnnualIncomeThreeYears: null,
      selfCertifiedAccredited: false,
      preferences: null,
      discoverable: false,
      kycStatus: 'NOT_SUBMITTED',
      knowledgeTest: { status: 'NOT_PASSED', passedAt: null, validUntil: null },
      lossSimulationAcknowledgedAt: null,
      sophisticatedStatus: 'NONE',
      version: 1,
    });
  });

  it('is for investors only: a founder gets 403, no token 401', async () => {
    const founder = await register(h, 'founder');
    expectError(await call(h.investor, 'GET', '/v1/investors/me', { token: founder.token }), 403, 'FORBIDDEN');
    expectError(
      await call(h.investor, 'PUT', '/v1/investors/me', { token: founder.token, body: profileBody() }),
      403,
      'FORBIDDEN',
    );
    expect((await call(h.investor, 'GET', '/v1/investors/me')).status).toBe(401);
  });
});

describe('PUT /v1/investors/me', () => {
  it('stores the whole profile, answers it with kycStatus PENDING, and GET shows the same', async () => {
    const investor = await register(h, 'investor');
    const put = await putProfile(h, investor, {
      financialAssets: 150_000_000,
      averageAnnualIncomeThreeYears: 40_000_000,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      ...profileBody(),
      financialAssets: 150_000_000,
      averageAnnualIncomeThreeYears: 40_000_000,
      kycStatus: 'PENDING',
      version: 2,
    });
    expect(await profileOf(h, investor)).toEqual(put.body);
  });

  it('keeps the CN figures when they are left out, clears them on null, and bumps the version each time', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { financialAssets: 1 });
    const kept = await putProfile(h, investor, { displayName: 'Ada B.' });
    expect(kept.body).toMatchObject({ displayName: 'Ada B.', financialAssets: 1, version: 3, kycStatus: 'PENDING' });
    const cleared = await putProfile(h, investor, { financialAssets: null });
    expect(cleared.body).toMatchObject({ financialAssets: null, version: 4 });
  });

  it('refuses a stale version with 409 INVESTOR_PROFILE_MODIFIED', async () => {
    const investor = await register(h, 'investor');
    expect((await putProfile(h, investor, { version: 1 })).status).toBe(200);
    expectError(await putProfile(h, investor, { version: 1 }), 409, 'INVESTOR_PROFILE_MODIFIED');
    expect((await putProfile(h, investor, { version: 2 })).status).toBe(200);
  });

  it.each([
    [{ type: 'ANGEL' }, 'type'],
    [{ currency: 'usd' }, 'currency'],
    [{ country: 'USA' }, 'country'],
    [{ annualIncome: 1.5 }, 'annualIncome'],
    [{ netWorth: -1 }, 'netWorth'],
    [{ annualIncome: 2 ** 53 }, 'annualIncome'],
    [{ selfCertifiedAccredited: 'yes' }, 'selfCertifiedAccredited'],
    [{ discoverable: undefined }, 'discoverable'],
    [{ preferences: { ...(profileBody().preferences as object), kinds: ['LOAN'] } }, 'preferences.kinds'],
    [
      { preferences: { ...(profileBody().preferences as object), ticketMin: 500, ticketMax: 100 } },
      'preferences.ticketMin',
    ],
    [{ financialAssets: 'lots' }, 'financialAssets'],
    [{ preferences: undefined }, 'preferences'],
    [{ preferences: [] }, 'preferences'],
    [{ nickname: 'x' }, 'nickname'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (overrides, field) => {
    const investor = await register(h, 'investor');
    const answer = await putProfile(h, investor, overrides);
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(answer)).toContain(field);
    expect((await profileOf(h, investor)).version).toBe(1);
  });

  it('refuses a malformed JSON body with 400', async () => {
    const investor = await register(h, 'investor');
    const response = await fetch(`${h.investor.url}/v1/investors/me`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${investor.token}` },
      body: '{"type":',
    });
    expect(response.status).toBe(400);
  });
});

describe('KYC', () => {
  let investor: Actor;

  beforeEach(async () => {
    investor = await register(h, 'investor');
  });

  it('refuses to verify or reject an investor who has not submitted a profile (409)', async () => {
    expectError(await decideKyc(investor.id, 'verify'), 409, 'ILLEGAL_KYC_TRANSITION');
    expectError(await decideKyc(investor.id, 'reject'), 409, 'ILLEGAL_KYC_TRANSITION');
  });

  it('moves PENDING → VERIFIED on an admin decision and keeps the history', async () => {
    await putProfile(h, investor);
    const verified = await decideKyc(investor.id, 'verify', 'passport and proof of address');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ userId: investor.id, kycStatus: 'VERIFIED' });
    expect((await profileOf(h, investor)).kycStatus).toBe('VERIFIED');
    expectError(await decideKyc(investor.id, 'verify'), 409, 'ILLEGAL_KYC_TRANSITION');

    // editing the profile later does not send a verified investor back to review
    expect((await putProfile(h, investor, { displayName: 'Ada V.' })).body.kycStatus).toBe('VERIFIED');

    const history = await call<{
      kycStatus: string;
      items: { action: string; from: string; to: string; by: string; notes: string | null }[];
    }>(h.investor, 'GET', `/v1/admin/investors/${investor.id}/kyc`, { token: h.admin.token });
    expect(history.body.kycStatus).toBe('VERIFIED');
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'submit', from: 'NOT_SUBMITTED', to: 'PENDING', by: investor.id, notes: null }),
      expect.objectContaining({
        action: 'verify',
        from: 'PENDING',
        to: 'VERIFIED',
        by: h.admin.id,
        notes: 'passport and proof of address',
      }),
    ]);
  });

  it('moves PENDING → REJECTED, and a corrected profile goes back to PENDING', async () => {
    await putProfile(h, investor);
    expect((await decideKyc(investor.id, 'reject', 'document unreadable')).body.kycStatus).toBe('REJECTED');
    expectError(await decideKyc(investor.id, 'verify'), 409, 'ILLEGAL_KYC_TRANSITION');
    expect((await putProfile(h, investor)).body.kycStatus).toBe('PENDING');
    expect((await decideKyc(investor.id, 'verify')).body.kycStatus).toBe('VERIFIED');
  });

  it('answers 404 INVESTOR_NOT_FOUND for an unknown investor and 400 for a bad id or decision', async () => {
    expectError(await decideKyc('0197a5a0-0000-7000-8000-000000000000', 'verify'), 404, 'INVESTOR_NOT_FOUND');
    expectError(await decideKyc('not-a-uuid', 'verify'), 400, 'VALIDATION_FAILED');
    await putProfile(h, investor);
    const bad = await decideKyc(investor.id, 'approve');
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsIn(bad)).toEqual(['decision']);
  });

  it('is for admins only', async () => {
    await putProfile(h, investor);
    const answer = await call(h.investor, 'POST', `/v1/admin/investors/${investor.id}/kyc`, {
      token: investor.token,
      body: { decision: 'verify', notes: 'me' },
    });
    expectError(answer, 403, 'FORBIDDEN');
    expect((await profileOf(h, investor)).kycStatus).toBe('PENDING');
  });
});

describe('investor.eligibility-changed', () => {
  it('reaches the pledge service with the whole snapshot, latest version winning', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor, { financialAssets: 120_000_000 });
    await eventually(async () =>
      expect(await eligibilityOf(investor.id)).toMatchObject({
        version: 2,
        kyc_status: 'PENDING',
        accredited: false,
        currency: 'USD',
        annual_income: '6000000',
        net_worth: '8000000',
        financial_assets: '120000000',
        sophisticated: false,
      }),
    );

    await decideKyc(investor.id, 'verify');
    await putProfile(h, investor, { selfCertifiedAccredited: true });
    await eventually(async () =>
      expect(await eligibilityOf(investor.id)).toMatchObject({ version: 4, kyc_status: 'VERIFIED', accredited: true }),
    );
  });

  it('is not published when nothing a pledge decision needs changed', async () => {
    const investor = await register(h, 'investor');
    await putProfile(h, investor);
    await putProfile(h, investor, { displayName: 'Only the name', discoverable: false });
    const rows = await query<{ aggregate_version: number }>(
      h,
      `SELECT aggregate_version::int AS aggregate_version FROM investor.outbox WHERE event_type = 'investor.eligibility-changed' AND aggregate_id = $1`,
      [investor.id],
    );
    expect(rows.map((row) => row.aggregate_version)).toEqual([2]);
  });
});
