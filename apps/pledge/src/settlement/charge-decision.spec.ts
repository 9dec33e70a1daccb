import { decideCharge } from './charge-decision';

describe(decideCharge.name, () => {
  const now = new Date('2026-06-01T12:00:00.000Z');
  const window = { now, fixWindowSeconds: 7 * 24 * 3600 };
  const later = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);

  it('a success is CHARGED with its charge ref', () => {
    expect(decideCharge({ outcome: 'succeeded', chargeRef: 'py_1' }, { ...window, fixBy: null })).toEqual({
      to: 'CHARGED',
      chargeRef: 'py_1',
    });
  });

  it('a hard decline is PAYMENT_FAILED at once, even inside a fix window', () => {
    const result = { outcome: 'hard_decline', declineCode: 'stolen_card' } as const;
    expect(decideCharge(result, { ...window, fixBy: null })).toEqual({
      to: 'PAYMENT_FAILED',
      declineCode: 'stolen_card',
    });
    expect(decideCharge(result, { ...window, fixBy: later(60) })).toEqual({
      to: 'PAYMENT_FAILED',
      declineCode: 'stolen_card',
    });
  });

  it('a first soft decline opens the fix window; a later one keeps its end', () => {
    const result = { outcome: 'soft_decline', declineCode: 'insufficient_funds' } as const;
    expect(decideCharge(result, { ...window, fixBy: null })).toEqual({
      to: 'PAYMENT_ACTION_REQUIRED',
      declineCode: 'insufficient_funds',
      fixBy: later(7 * 24 * 3600),
    });
    expect(decideCharge(result, { ...window, fixBy: later(60) })).toEqual({
      to: 'PAYMENT_ACTION_REQUIRED',
      declineCode: 'insufficient_funds',
      fixBy: later(60),
    });
  });

  it('a soft decline once the window has ended is PAYMENT_FAILED', () => {
    const result = { outcome: 'soft_decline', declineCode: 'authentication_required' } as const;
    expect(decideCharge(result, { ...window, fixBy: now })).toEqual({
      to: 'PAYMENT_FAILED',
      declineCode: 'authentication_required',
    });
  });

  it('refuses to decide on a network error or a success without its ref', () => {
    expect(() => decideCharge({ outcome: 'network_error' }, { ...window, fixBy: null })).toThrow(RangeError);
    expect(() => decideCharge({ outcome: 'succeeded' }, { ...window, fixBy: null })).toThrow(RangeError);
  });
});
