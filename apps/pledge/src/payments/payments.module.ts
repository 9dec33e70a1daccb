import { Module } from '@nestjs/common';
import { ConfigurationError, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { SandboxLedger, SandboxPaymentProvider } from './sandbox-payment-provider';
import { SandboxPaymentsLedger } from './sandbox-payments.ledger';

/** The provider PAYMENT_PROVIDER names; `stripe` stops the boot until its adapter exists. */
export function paymentProviderFor(config: PlatformConfig, ledger: SandboxLedger): PaymentProvider {
  if (config.PAYMENT_PROVIDER === 'stripe') {
    throw new ConfigurationError(
      'Invalid configuration:\n  PAYMENT_PROVIDER: the Stripe adapter is not built yet; use PAYMENT_PROVIDER=sandbox',
    );
  }
  return new SandboxPaymentProvider(ledger);
}

/** The PaymentProvider chosen by PAYMENT_PROVIDER (architecture.md "Payments"). */
@Module({
  providers: [
    SandboxPaymentsLedger,
    {
      provide: PAYMENT_PROVIDER,
      inject: [PLATFORM_CONFIG, SandboxPaymentsLedger],
      useFactory: paymentProviderFor,
    },
  ],
  exports: [PAYMENT_PROVIDER],
})
export class PaymentsModule {}
