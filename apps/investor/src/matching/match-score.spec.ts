import { compareRanked, formatAmount, MatchInvestor, MatchProject, scoreMatch } from './match-score';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const DAY_MS = 24 * 3600 * 1000;

const investor = (overrides: Partial<MatchInvestor> = {}): MatchInvestor => ({
  sectors: ['AGRITECH', 'robotics'],
  stages: ['SEED'],
  regions: ['Zhejiang'],
  kinds: ['EQUITY'],
  ticketMin: 500_000,
  ticketMax: 5_000_000,
  currency: 'USD',
  ...overrides,
});

const project = (overrides: Partial<MatchProject> = {}): MatchProject => ({
  sector: 'AGRITECH',
  stage: 'SEED',
  region: 'Zhejiang',
  kind: 'EQUITY',
  currency: 'USD',
  minPledge: 100_000,
  maxAmount: 20_000_000,
  raised: 0,
  closesAt: new Date(NOW.getTime() + 20 * DAY_MS),
  ...overrides,
});

describe(scoreMatch.name, () => {
  it('gives a perfect fit 100 points with one reason per criterion', () => {
    expect(scoreMatch(investor(), project(), NOW)).toEqual({
      score: 100,
      reasons: [
        'sector AGRITECH matches',
        'stage SEED matches',
        'region Zhejiang matches',
        'kind EQUITY matches',
        'ticket 5,000–50,000 fits minimum pledge 1,000',
        'closes in 20 days',
      ],
    });
  });

  it('gives nothing for criteria that do not match, and says nothing about them', () => {
    const result = scoreMatch(investor(), project({ sector: 'media', stage: 'GROWTH', region: 'Texas' }), NOW);
    expect(result.score).toBe(15 + 15 + 10);
    expect(result.reasons.join(' | ')).not.toMatch(/sector|stage|region/);
  });

  it('weighs sector twice as much as stage, region or kind', () => {
    const sectorOnly = scoreMatch(investor({ stages: [], regions: [], kinds: [] }), project(), NOW).score;
    const stageOnly = scoreMatch(investor({ sectors: [], regions: [], kinds: [] }), project(), NOW).score;
    const allButSector = scoreMatch(investor({ sectors: [] }), project(), NOW).score;
    expect(sectorOnly - stageOnly).toBe(15);
    expect(allButSector).toBeLessThan(100 - 15);
  });

  it('gives the ticket points only when the ticket reaches the minimum pledge and the room left', () => {
    expect(scoreMatch(investor({ ticketMax: 99_999 }), project(), NOW).score).toBe(85);
    const nearlyFull = scoreMatch(investor(), project({ raised: 19_800_000 }), NOW);
    expect(nearlyFull.score).toBe(90);
    expect(nearlyFull.reasons).toContain('ticket 5,000–50,000 reaches minimum pledge, 2,000 left');
    expect(scoreMatch(investor(), project({ raised: 20_000_000 }), NOW).score).toBe(85);
  });

  it('compares the ticket only in the same currency', () => {
    const result = scoreMatch(investor({ currency: 'EUR' }), project(), NOW);
    expect(result.score).toBe(85);
    expect(result.reasons.some((reason) => reason.startsWith('ticket'))).toBe(false);
  });

  it.each([
    [30, 10, 'closes in 30 days'],
    [14, 10, 'closes in 14 days'],
    [12, 5, 'closes in 12 days'],
    [3, 5, 'closes in 3 days'],
    [1, 0, 'closes in 1 day'],
    [0.5, 0, 'closes within a day'],
  ])('closing in %s days earns %s points for time', (days, points, reason) => {
    const result = scoreMatch(investor(), project({ closesAt: new Date(NOW.getTime() + days * DAY_MS) }), NOW);
    expect(result.score).toBe(90 + points);
    expect(result.reasons.at(-1)).toBe(reason);
  });

  it('states no figure of the investor when the reasons are for a founder', () => {
    const result = scoreMatch(investor(), project(), NOW, { discloseTicket: false });
    expect(result.score).toBe(100);
    expect(result.reasons).toContain('ticket size fits the minimum pledge and the room left');
    expect(result.reasons.join(' ')).not.toMatch(/\d,\d{3}/);
  });

  it('always answers an integer score between 0 and 100', () => {
    const none = scoreMatch(
      investor({ sectors: [], stages: [], regions: [], kinds: [], currency: null }),
      project({ closesAt: new Date(NOW.getTime() - DAY_MS) }),
      NOW,
    );
    expect(none).toEqual({ score: 0, reasons: [] });
  });
});

describe(formatAmount.name, () => {
  it.each([
    [500_000, 'USD', '5,000'],
    [123_456, 'USD', '1,234.56'],
    [5, 'EUR', '0.05'],
    [1_200, 'JPY', '1,200'],
    [123_456_789, 'CNY', '1,234,567.89'],
    [1_000_000, 'KWD', '1,000'],
    [0, 'USD', '0'],
  ])('formats %s %s as %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });
});

describe(compareRanked.name, () => {
  it('orders best first, then by id', () => {
    const items = [
      { score: 50, id: 'b' },
      { score: 90, id: 'c' },
      { score: 50, id: 'a' },
    ];
    expect(items.sort(compareRanked).map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});
