import { JudgedPledge, judgeProviderCharge, ProviderCharge } from './provider-charge-verdict';

describe(judgeProviderCharge.name, () => {
  const charge: ProviderCharge = { pledgeId: 'p1', chargeRef: 'pi_new', amount: 5_000, currency: 'usd' };
  const awaiting: JudgedPledge = {
    status: 'PAYMENT_ACTION_REQUIRED',
    charge_ref: null,
    charge_attempt: 0,
    decided_attempt: 0,
    amount: '5000',
    currency: 'USD',
  };
  const judge = (pledge: Partial<JudgedPledge> | undefined, alreadyRefunded = false) =>
    judgeProviderCharge(pledge && { ...awaiting, ...pledge }, charge, { alreadyRefunded });

  it('confirms the money of a pledge awaiting action with no attempt in flight', () => {
    expect(judge({})).toBe('confirm');
    expect(judge({ charge_attempt: 2, decided_attempt: 2 })).toBe('confirm');
  });

  it('knows its own charge, and a charge already given back', () => {
    expect(judge({ status: 'CHARGED', charge_ref: 'pi_new', decided_attempt: 0 })).toBe('known');
    expect(judge({ status: 'CANCELLED' }, true)).toBe('known');
  });

  it('waits while a charge attempt of a collecting pledge is undecided', () => {
    expect(judge({ status: 'COMMITTED', decided_attempt: null })).toBe('in_flight');
    expect(judge({ charge_attempt: 1, decided_attempt: 0 })).toBe('in_flight');
  });

  it('gives back money the pledge does not keep', () => {
    expect(judge({ status: 'CHARGED', charge_ref: 'pi_other' })).toBe('orphan');
    expect(judge({ status: 'PAYMENT_FAILED' })).toBe('orphan');
    expect(judge({ status: 'CANCELLED', decided_attempt: null })).toBe('orphan');
    expect(judge({ status: 'RELEASED', charge_ref: 'pi_other' })).toBe('orphan');
    expect(judge({ amount: '4999' })).toBe('orphan');
    expect(judge({ currency: 'EUR' })).toBe('orphan');
  });

  it('leaves alone a charge for no pledge of ours', () => {
    expect(judge(undefined)).toBe('unknown');
  });
});
