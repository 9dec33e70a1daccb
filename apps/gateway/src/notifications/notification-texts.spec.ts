import {
  campaignClosed,
  compensationPaid,
  complaintResolved,
  loanAccepted,
  loanDefaulted,
  loanDisbursed,
  loanLapsed,
  loanOffered,
  matchingProjectLive,
  paymentActionRequired,
  paymentFailed,
  pledgeCharged,
  pledgeConfirmed,
  pledgeReleased,
  reconfirmationRequested,
  sharesIssued,
} from './notification-texts';

const PROJECT = '01990000-0000-7000-8000-000000000001';
const PLEDGE = {
  pledgeId: PROJECT,
  projectId: PROJECT,
  projectTitle: 'Lumen Robots',
  amount: 250_000,
  currency: 'USD',
};
const LOAN = {
  loanId: PROJECT,
  projectId: PROJECT,
  projectTitle: 'Lumen Robots',
  principal: 5_000_000,
  currency: 'CNY',
};

describe('notification texts', () => {
  it('a confirmed pledge names the amount and the cancellation deadline', () => {
    const text = pledgeConfirmed({
      pledgeId: '01990000-0000-7000-8000-000000000002',
      projectId: PROJECT,
      projectTitle: 'Lumen Robots',
      amount: 250_000,
      currency: 'USD',
      cancellableUntil: new Date('2026-12-24T12:00:00.000Z'),
    });

    expect(text).toMatchObject({
      type: 'PLEDGE_CONFIRMED',
      title: 'Pledge confirmed',
      body: 'Your pledge of USD 2,500.00 to "Lumen Robots" is confirmed. You can cancel it until 2026-12-24 12:00 UTC.',
    });
    expect(text.data.cancellableUntil).toBe('2026-12-24T12:00:00.000Z');
  });

  it('a pledge with no right to cancel says so', () => {
    const text = pledgeConfirmed({
      pledgeId: PROJECT,
      projectId: PROJECT,
      projectTitle: 'X',
      amount: 1200,
      currency: 'JPY',
      cancellableUntil: null,
    });

    expect(text.body).toBe('Your pledge of JPY 1,200 to "X" is confirmed. It cannot be cancelled.');
  });

  it.each([
    ['FUNDED', 'owner', 'Campaign funded', 'Your campaign "P" is funded with CNY 1,000.00 raised.'],
    ['FAILED', 'backer', 'Campaign failed', '"P", which you backed, closed short of its target.'],
  ] as const)('a %s campaign tells its %s', (outcome, audience, title, body) => {
    const text = campaignClosed({
      projectId: PROJECT,
      projectTitle: 'P',
      outcome,
      raised: 100_000,
      currency: 'CNY',
      audience,
    });

    expect(text.title).toBe(title);
    expect(text.body).toContain(body);
  });

  it('a long resolution is cut to a preview', () => {
    const text = complaintResolved({
      complaintId: PROJECT,
      projectId: PROJECT,
      projectTitle: undefined,
      resolution: 'x'.repeat(1000),
    });

    expect(text.body.length).toBeLessThan(360);
    expect(text.body.endsWith('…')).toBe(true);
  });

  it('a matching project names the project', () => {
    expect(matchingProjectLive({ projectId: PROJECT, projectTitle: 'Q' }).body).toContain('"Q"');
  });

  it('a reconfirmation request names the pledge, the project and the deadline', () => {
    const text = reconfirmationRequested({ ...PLEDGE, reconfirmBy: new Date('2026-12-07T17:00:00.000Z') });

    expect(text).toMatchObject({
      type: 'RECONFIRMATION_REQUESTED',
      title: 'Reconfirm your pledge',
      body: '"Lumen Robots" changed its terms materially. Reconfirm your pledge of USD 2,500.00 by 2026-12-07 17:00 UTC, or it is cancelled.',
      data: { pledgeId: PROJECT, amount: 250_000, currency: 'USD', reconfirmBy: '2026-12-07T17:00:00.000Z' },
    });
  });

  it('a charged pledge names the amount and the project', () => {
    expect(pledgeCharged(PLEDGE)).toMatchObject({
      type: 'PLEDGE_CHARGED',
      body: 'Your pledge of USD 2,500.00 to "Lumen Robots" was charged.',
    });
  });

  it('a soft decline asks for a new payment method by the end of the fix window', () => {
    const text = paymentActionRequired({
      ...PLEDGE,
      declineCode: 'insufficient_funds',
      fixBy: new Date('2026-12-08T09:30:00.000Z'),
    });

    expect(text.type).toBe('PAYMENT_ACTION_REQUIRED');
    expect(text.body).toBe(
      'The charge of USD 2,500.00 for your pledge to "Lumen Robots" was declined. Give a new payment method by 2026-12-08 09:30 UTC, or the pledge fails.',
    );
    expect(text.data).toMatchObject({ declineCode: 'insufficient_funds', fixBy: '2026-12-08T09:30:00.000Z' });
  });

  it('a failed payment says nothing was taken', () => {
    const text = paymentFailed({ ...PLEDGE, declineCode: 'card_declined' });

    expect(text).toMatchObject({ type: 'PAYMENT_FAILED', data: { declineCode: 'card_declined' } });
    expect(text.body).toContain('Nothing was taken');
  });

  it.each([
    [
      'CAMPAIGN_FAILED',
      '"Lumen Robots" did not reach its target: your pledge of USD 2,500.00 is released and nothing was taken.',
    ],
    ['REFUNDED', 'Your pledge of USD 2,500.00 to "Lumen Robots" was refunded.'],
  ] as const)('a pledge released for %s gives that reason', (reason, body) => {
    expect(pledgeReleased({ ...PLEDGE, reason })).toMatchObject({ type: 'PLEDGE_RELEASED', body, data: { reason } });
  });

  it('issued shares name the count, the class and the project', () => {
    const text = sharesIssued({
      projectId: PROJECT,
      projectTitle: 'Lumen Robots',
      shareClass: 'Series Seed Preferred',
      shares: 12_500,
      amount: 250_000,
      currency: 'USD',
    });

    expect(text).toMatchObject({
      type: 'SHARES_ISSUED',
      body: 'You now hold 12,500 shares of Series Seed Preferred in "Lumen Robots", for USD 2,500.00.',
      data: { shares: 12_500, shareClass: 'Series Seed Preferred' },
    });
  });

  it('a loan offer tells the founder, an acceptance the bank, with the principal', () => {
    expect(loanOffered(LOAN)).toMatchObject({
      type: 'LOAN_OFFERED',
      title: 'Loan offer received',
      body: 'A bank offered a loan of CNY 50,000.00 against the IP of "Lumen Robots", linked to its equity round.',
      data: { loanId: PROJECT, principal: 5_000_000, currency: 'CNY' },
    });
    expect(loanAccepted(LOAN).body).toBe(
      'The founder of "Lumen Robots" accepted your loan offer of CNY 50,000.00; its collateral is reserved.',
    );
  });

  it.each([
    [loanDisbursed, 'LOAN_DISBURSED', 'was disbursed.'],
    [loanLapsed, 'LOAN_LAPSED', 'lapsed: the linked equity round did not raise enough. Its collateral is free.'],
    [loanDefaulted, 'LOAN_DEFAULTED', 'is in default: an instalment stayed unpaid past the default threshold.'],
  ])('a loan event to both parties speaks to each (%#: %s)', (text, type, ending) => {
    expect(text({ ...LOAN, party: 'founder' })).toMatchObject({
      type,
      body: `Your loan of CNY 50,000.00 for "Lumen Robots" ${ending}`,
    });
    expect(text({ ...LOAN, party: 'bank' })).toMatchObject({
      type,
      body: `The loan of CNY 50,000.00 to "Lumen Robots" ${ending}`,
    });
  });

  it('paid compensation names what the pool paid on which loan', () => {
    const text = compensationPaid({ ...LOAN, claimId: PROJECT, riskPoolId: PROJECT, compensation: 2_700_000 });

    expect(text).toMatchObject({
      type: 'COMPENSATION_PAID',
      body: 'The risk-compensation pool paid CNY 27,000.00 on the defaulted loan of CNY 50,000.00 to "Lumen Robots".',
      data: { compensation: 2_700_000, claimId: PROJECT, riskPoolId: PROJECT },
    });
  });
});
