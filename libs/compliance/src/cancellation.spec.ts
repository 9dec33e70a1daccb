import { cancellationDeadline, cancellationOutlastsClose, mayCancel } from './cancellation';

const pledgedAt = new Date('2026-11-01T10:00:00Z');
const closesAt = new Date('2026-12-01T00:00:00Z');

describe(cancellationDeadline.name, () => {
  it.each(['US', 'CN'] as const)('%s: until 48 hours before the deadline', (jurisdiction) => {
    const deadline = cancellationDeadline(jurisdiction, { pledgedAt, closesAt, sophisticated: false });
    expect(deadline).toEqual(new Date('2026-11-29T00:00:00Z'));
    expect(
      mayCancel(jurisdiction, { pledgedAt, closesAt, sophisticated: false }, new Date('2026-11-28T23:59:59Z')),
    ).toBe(true);
    expect(
      mayCancel(jurisdiction, { pledgedAt, closesAt, sophisticated: false }, new Date('2026-11-29T00:00:00Z')),
    ).toBe(false);
  });

  it('EU: a non-sophisticated investor for 4 calendar days after pledging', () => {
    expect(cancellationDeadline('EU', { pledgedAt, closesAt, sophisticated: false })).toEqual(
      new Date('2026-11-05T10:00:00Z'),
    );
  });

  it('EU: a sophisticated investor has no reflection period', () => {
    expect(cancellationDeadline('EU', { pledgedAt, closesAt, sophisticated: true })).toBeNull();
    expect(mayCancel('EU', { pledgedAt, closesAt, sophisticated: true }, pledgedAt)).toBe(false);
  });
});

describe(cancellationOutlastsClose.name, () => {
  it.each([
    ['EU', true],
    ['US', false],
    ['CN', false],
  ] as const)('%s: %s', (jurisdiction, outlasts) => {
    expect(cancellationOutlastsClose(jurisdiction)).toBe(outlasts);
  });
});
