import { campaignClosed, complaintResolved, matchingProjectLive, pledgeConfirmed } from './notification-texts';

const PROJECT = '01990000-0000-7000-8000-000000000001';

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
    ['FAILED', 'backer', 'Campaign failed', '"P", which you backed, closed with CNY 1,000.00 raised'],
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
});
