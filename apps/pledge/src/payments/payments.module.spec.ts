import { ConfigurationError, loadConfig } from '@crowdlink/platform';
import { paymentProviderFor } from './payments.module';
import { SandboxLedger, SandboxPaymentProvider } from './sandbox-payment-provider';
import { StripePaymentProvider } from './stripe-payment-provider';

describe(paymentProviderFor.name, () => {
  const ledger: SandboxLedger = { once: () => Promise.reject(new Error('unused')) };

  it('pays through the sandbox by default', () => {
    expect(paymentProviderFor(loadConfig({}), ledger)).toBeInstanceOf(SandboxPaymentProvider);
  });

  it('pays through the real Stripe SDK with PAYMENT_PROVIDER=stripe', () => {
    const config = loadConfig({
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
    });
    expect(paymentProviderFor(config, ledger)).toBeInstanceOf(StripePaymentProvider);
  });

  it('refuses to boot with PAYMENT_PROVIDER=stripe and no key', () => {
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'stripe', STRIPE_WEBHOOK_SECRET: 'whsec_123' })).toThrow(
      ConfigurationError,
    );
  });
});
