import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { SandboxLedger, SandboxPaymentProvider } from './sandbox-payment-provider';
import { SandboxPaymentsLedger } from './sandbox-payments.ledger';
import { createStripeClient } from './stripe-client';
import { StripePaymentProvider } from './stripe-payment-provider';

/** The provider PAYMENT_PROVIDER names. */
export function paymentProviderFor(config: PlatformConfig, ledger: SandboxLedger): PaymentProvider {
  if (config.PAYMENT_PROVIDER === 'stripe') return new StripePaymentProvider(createStripeClient(config));
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
