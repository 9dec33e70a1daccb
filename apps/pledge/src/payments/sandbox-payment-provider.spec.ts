import { idempotencyKeyOf } from './payment-provider';
import {
  SANDBOX_PAYMENT_METHODS,
  SandboxIdempotencyError,
  SandboxLedger,
  SandboxPaymentProvider,
} from './sandbox-payment-provider';

/** The ledger's contract in memory, as `sandbox_payments` keeps it in PostgreSQL. */
class InMemoryLedger implements SandboxLedger {
  readonly rows = new Map<string, { operation: string; request: string; result: object }>();

  once<T extends object>(key: string, operation: string, request: object, decide: () => T): Promise<T> {
    const first = this.rows.get(key);
    if (!first) {
      const result = decide();
      this.rows.set(key, { operation, request: JSON.stringify(request), result });
      return Promise.resolve(result);
    }
    if (first.operation !== operation || first.request !== JSON.stringify(request)) {
      return Promise.reject(new SandboxIdempotencyError(key));
    }
    return Promise.resolve(first.result as T);
  }
}

const INVESTOR = '0b4c5a4e-3f7b-4a59-9d0a-6f1d2c3b4a59';

function setup() {
  const ledger = new InMemoryLedger();
  return { ledger, provider: new SandboxPaymentProvider(ledger) };
}

async function saveAndCharge(
  provider: SandboxPaymentProvider,
  paymentMethod: string,
  pledgeId = `pledge-${paymentMethod}`,
) {
  const saved = await provider.savePaymentMethod({
    pledgeId,
    investorId: INVESTOR,
    paymentMethod,
    idempotencyKey: idempotencyKeyOf.setup(pledgeId),
  });
  if (saved.outcome !== 'saved') throw new Error(`${paymentMethod} was not saved`);
  return provider.charge({
    pledgeId,
    amount: 5_000,
    currency: 'USD',
    customerRef: saved.customerRef,
    paymentMethodRef: saved.paymentMethodRef,
    idempotencyKey: idempotencyKeyOf.charge(pledgeId),
  });
}

describe(SandboxPaymentProvider.name, () => {
  it.each([
    ['pm_card_visa', 'succeeded', undefined],
    ['pm_card_mastercard', 'succeeded', undefined],
    ['pm_card_amex', 'succeeded', undefined],
    ['pm_card_chargeDeclined', 'hard_decline', 'generic_decline'],
    ['pm_card_visa_chargeDeclined', 'hard_decline', 'generic_decline'],
    ['pm_card_chargeDeclinedFraudulent', 'hard_decline', 'fraudulent'],
    ['pm_card_chargeDeclinedLostCard', 'hard_decline', 'lost_card'],
    ['pm_card_chargeDeclinedStolenCard', 'hard_decline', 'stolen_card'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'soft_decline', 'insufficient_funds'],
    ['pm_card_authenticationRequired', 'soft_decline', 'authentication_required'],
  ])('saves %s, and charging it off-session is %s (%s)', async (paymentMethod, outcome, declineCode) => {
    const { provider } = setup();
    const result = await saveAndCharge(provider, paymentMethod);
    expect(result.outcome).toBe(outcome);
    expect(result.declineCode).toBe(declineCode);
    expect(result.chargeRef !== undefined).toBe(outcome === 'succeeded');
  });

  it('has a test for every name in its table', () => {
    expect(Object.keys(SANDBOX_PAYMENT_METHODS)).toHaveLength(10);
  });

  it('declines to save a name that is not one of its Stripe test names, and saves the known ones', async () => {
    const { provider } = setup();
    for (const paymentMethod of ['pm_1NxYzAbCdEfGhIjK', 'pm_card_unknown', 'pm_card_visa_debit_typo']) {
      await expect(
        provider.savePaymentMethod({
          pledgeId: 'p',
          investorId: INVESTOR,
          paymentMethod,
          idempotencyKey: `setup:${paymentMethod}`,
        }),
      ).resolves.toEqual({ outcome: 'declined', declineCode: 'card_declined' });
    }
    await expect(
      provider.savePaymentMethod({
        pledgeId: 'p',
        investorId: INVESTOR,
        paymentMethod: 'pm_card_visa',
        idempotencyKey: 'setup:p',
      }),
    ).resolves.toEqual({
      outcome: 'saved',
      customerRef: `cus_sandbox_${INVESTOR.replaceAll('-', '')}`,
      paymentMethodRef: 'pm_card_visa',
    });
  });

  it('does not take a name from Object.prototype for a known card', async () => {
    const { provider } = setup();
    const saved = await provider.savePaymentMethod({
      pledgeId: 'p',
      investorId: INVESTOR,
      paymentMethod: 'constructor',
      idempotencyKey: 'setup:p',
    });
    expect(saved.outcome).toBe('declined');
  });

  it('answers a repeated key with the first result, and records each key once', async () => {
    const { ledger, provider } = setup();
    const request = {
      pledgeId: 'p1',
      amount: 5_000,
      currency: 'USD',
      customerRef: 'cus_sandbox_x',
      paymentMethodRef: 'pm_card_visa',
      idempotencyKey: 'charge:p1',
    };
    const first = await provider.charge(request);
    expect(first.chargeRef).toMatch(/^py_sandbox_[0-9a-f]{24}$/);
    expect(await provider.charge(request)).toEqual(first);
    expect([...ledger.rows.keys()]).toEqual(['charge:p1']);

    const refund = await provider.refund({ chargeRef: first.chargeRef!, amount: 5_000, idempotencyKey: 'refund:p1' });
    expect(await provider.refund({ chargeRef: first.chargeRef!, amount: 5_000, idempotencyKey: 'refund:p1' })).toEqual(
      refund,
    );
    const payout = { destinationAccount: 'acct_1', amount: 95_000, currency: 'USD', idempotencyKey: 'payout:x' };
    const transfer = await provider.transfer(payout);
    expect(await provider.transfer(payout)).toEqual(transfer);
    expect(transfer.transferRef).toMatch(/^tr_sandbox_/);
    expect(ledger.rows.size).toBe(3);
  });

  it('answers a save from its request alone, and records nothing for it', async () => {
    const { ledger, provider } = setup();
    const save = { pledgeId: 'p2', investorId: INVESTOR, paymentMethod: 'pm_card_visa', idempotencyKey: 'setup:p2' };
    const first = await provider.savePaymentMethod(save);
    expect(await provider.savePaymentMethod(save)).toEqual(first);
    expect(ledger.rows.size).toBe(0);
  });

  it('refuses to charge a ref it never saved: a bug, not a decline', async () => {
    const { provider } = setup();
    await expect(
      provider.charge({
        pledgeId: 'p3',
        amount: 1,
        currency: 'USD',
        customerRef: 'cus_x',
        paymentMethodRef: 'pm_1NxYz',
        idempotencyKey: 'charge:p3',
      }),
    ).rejects.toThrow(/never saved/);
  });
});
