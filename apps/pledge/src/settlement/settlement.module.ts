import { Module } from '@nestjs/common';
import { CapTableModule } from '../cap-table/cap-table.module';
import { LedgerModule } from '../ledger/ledger.module';
import { PaymentsModule } from '../payments/payments.module';
import { InvestorLimitGuard } from '../pledges/investor-limit.guard';
import { ReconfirmationModule } from '../reconfirmation/reconfirmation.module';
import { CampaignClosed } from './campaign-closed';
import { CampaignCloser } from './campaign-closer';
import { ChargeCollector } from './charge-collector';
import { FailedSettlement } from './failed-settlement';
import { FixWindows } from './fix-windows';
import { PaymentFixWindowWorker } from './jobs/payment-fix-window.worker';
import { SettlementChargeWorker } from './jobs/settlement-charge.worker';
import { SettlementSweepWorker } from './jobs/settlement-sweep.worker';
import { SettlementQueues } from './jobs/settlement.queues';
import { OrphanCharges } from './orphan-charges';
import { PledgeTransitions } from './pledge-transitions';
import { ProviderChargeConfirmation } from './provider-charge-confirmation';
import { SettlementController } from './settlement.controller';
import { SettlementOutcome } from './settlement-outcome';
import { SettlementProgress } from './settlement-progress';
import { SettlementService } from './settlement.service';
import { SettlementSweep } from './settlement-sweep';
import { SettlementView } from './settlement-view';
import { StartupPayout } from './startup-payout';

/**
 * A campaign's close and settlement: charging its pledges at a rate limit, fix windows, the
 * outcome (FUNDED: ledger, cap table, payout; FAILED: releases and refunds), resumable after
 * a crash at any point (see SettlementSweep); and the charges the provider confirms later
 * (ProviderChargeConfirmation, for Stripe's webhooks).
 */
@Module({
  imports: [PaymentsModule, LedgerModule, CapTableModule, ReconfirmationModule],
  controllers: [SettlementController],
  providers: [
    SettlementService,
    SettlementView,
    CampaignCloser,
    ChargeCollector,
    PledgeTransitions,
    OrphanCharges,
    ProviderChargeConfirmation,
    InvestorLimitGuard,
    FixWindows,
    SettlementOutcome,
    CampaignClosed,
    FailedSettlement,
    StartupPayout,
    SettlementProgress,
    SettlementSweep,
    SettlementQueues,
    SettlementSweepWorker,
    SettlementChargeWorker,
    PaymentFixWindowWorker,
  ],
  exports: [ProviderChargeConfirmation],
})
export class SettlementModule {}
