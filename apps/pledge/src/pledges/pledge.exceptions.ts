import { DomainException } from '@crowdlink/domain';

export class CampaignNotOpenException extends DomainException {
  constructor(projectId: string) {
    super('CAMPAIGN_NOT_OPEN', 'conflict', `Campaign ${projectId} is not taking pledges now`);
  }
}

export class CampaignFullException extends DomainException {
  constructor(remaining: number) {
    super('CAMPAIGN_FULL', 'conflict', 'This pledge would pass the campaign’s hard cap', { remaining });
  }
}

export class BelowMinPledgeException extends DomainException {
  constructor(minPledge: number) {
    super('BELOW_MIN_PLEDGE', 'unprocessable', `The smallest pledge is ${minPledge}`, { minPledge });
  }
}

export class RewardNotFoundException extends DomainException {
  constructor(rewardId: string) {
    super('REWARD_NOT_FOUND', 'unprocessable', `This campaign offers no reward ${rewardId}`, { rewardId });
  }
}

export class BelowRewardAmountException extends DomainException {
  constructor(rewardAmount: number) {
    super('BELOW_REWARD_AMOUNT', 'unprocessable', `This reward needs a pledge of at least ${rewardAmount}`, {
      rewardAmount,
    });
  }
}

export class RewardSoldOutException extends DomainException {
  constructor(rewardId: string, quantity: number) {
    super('REWARD_SOLD_OUT', 'conflict', `All ${quantity} of reward ${rewardId} are taken`, { rewardId, quantity });
  }
}

export class NotAWholeNumberOfSharesException extends DomainException {
  constructor(pricePerShare: number) {
    super('NOT_A_WHOLE_NUMBER_OF_SHARES', 'unprocessable', `The amount must be a multiple of ${pricePerShare}`, {
      pricePerShare,
    });
  }
}

export class KycRequiredException extends DomainException {
  constructor() {
    super('KYC_REQUIRED', 'forbidden', 'Equity pledges need a verified identity (KYC)');
  }
}

export class KnowledgeTestRequiredException extends DomainException {
  constructor() {
    super('KNOWLEDGE_TEST_REQUIRED', 'forbidden', 'Pass the entry knowledge test before investing (ECSPR Art 21)');
  }
}

export class RiskAcknowledgementRequiredException extends DomainException {
  constructor() {
    super(
      'RISK_ACKNOWLEDGEMENT_REQUIRED',
      'unprocessable',
      'This pledge is above your risk threshold: send riskAcknowledged: true (ECSPR Art 21(7))',
    );
  }
}

export class NotQualifiedInvestorException extends DomainException {
  constructor() {
    super('NOT_QUALIFIED_INVESTOR', 'forbidden', 'CN equity pledges need a qualified investor');
  }
}

export class InvestorCountLimitException extends DomainException {
  constructor(maxInvestors: number) {
    super('INVESTOR_COUNT_LIMIT', 'conflict', `This campaign admits at most ${maxInvestors} investors`, {
      maxInvestors,
    });
  }
}

export class InvestmentLimitExceededException extends DomainException {
  constructor(remaining: number) {
    super('INVESTMENT_LIMIT_EXCEEDED', 'unprocessable', 'This pledge would pass your 12-month investment limit', {
      remaining,
    });
  }
}

export class PledgeNotFoundException extends DomainException {
  constructor(id: string) {
    super('PLEDGE_NOT_FOUND', 'not_found', `No pledge ${id}`);
  }
}

export class PledgeNotCancellableException extends DomainException {
  constructor(id: string, status: string) {
    super('PLEDGE_NOT_CANCELLABLE', 'conflict', `Pledge ${id} is ${status}: only a COMMITTED pledge can be cancelled`, {
      status,
    });
  }
}

export class CancellationWindowClosedException extends DomainException {
  constructor(cancellableUntil: string | null) {
    super('CANCELLATION_WINDOW_CLOSED', 'conflict', 'This pledge can no longer be cancelled', { cancellableUntil });
  }
}

export class PaymentMethodDeclinedException extends DomainException {
  constructor(declineCode: string) {
    super('PAYMENT_METHOD_DECLINED', 'payment_required', 'This payment method could not be saved', { declineCode });
  }
}

export class PledgeNotAwaitingPaymentException extends DomainException {
  constructor(id: string, status: string) {
    super(
      'PLEDGE_NOT_AWAITING_PAYMENT',
      'conflict',
      `Pledge ${id} is ${status}: a new payment method is taken only while PAYMENT_ACTION_REQUIRED`,
      { status },
    );
  }
}
