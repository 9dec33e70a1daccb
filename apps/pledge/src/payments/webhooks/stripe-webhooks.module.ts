import { Module } from '@nestjs/common';
import { SettlementModule } from '../../settlement/settlement.module';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';
import { StripeWebhookVerifier } from './stripe-webhook.verifier';

/**
 * POST /v1/payments/stripe/webhook: verified, idempotent by event id, effects in one
 * transaction. Imported by the service's root module, not by PaymentsModule: it needs the
 * settlement, which itself needs PaymentsModule.
 */
@Module({
  imports: [SettlementModule],
  controllers: [StripeWebhookController],
  providers: [StripeWebhookService, StripeWebhookVerifier],
})
export class StripeWebhooksModule {}
