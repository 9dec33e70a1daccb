import { ConfigurationError, loadConfig } from '@crowdlink/platform';
import { paymentProviderFor } from './payments.module';
import { SandboxLedger, SandboxPaymentProvider } from './sandbox-payment-provider';

describe(paymentProviderFor.name, () => {
  const ledger: SandboxLedger = { once: () => Promise.reject(new Error('unused')) };

  it('pays through the sandbox by default', () => {
    expect(paymentProviderFor(loadConfig({}), ledger)).toBeInstanceOf(SandboxPaymentProvider);
  });

  it('refuses stripe at boot even with a key, saying the adapter is not built yet', () => {
    const config = loadConfig({ PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_123' });
    expect(() => paymentProviderFor(config, ledger)).toThrow(ConfigurationError);
    expect(() => paymentProviderFor(config, ledger)).toThrow(/Stripe adapter is not built yet/);
  });
});
