import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { DataSource } from 'typeorm';
import { InvestorProfile } from '../investors/investor-profile.entity';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { KycDecisionKind } from './dto/decide-kyc.dto';
import { KycDecision } from './kyc-decision.entity';
import { applyKycAction } from './kyc-transition';

/** Admins decide the KYC of investors whose profile is PENDING; every move is kept with its notes. */
@Injectable()
export class KycService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: InvestorProfilesRepository,
  ) {}

  async decide(
    admin: AuthenticatedUser,
    userId: string,
    decision: KycDecisionKind,
    notes: string,
  ): Promise<InvestorProfile> {
    const { profile } = await this.profiles.change(userId, (profile, manager) =>
      applyKycAction(manager, profile, decision, admin.id, notes),
    );
    return profile;
  }

  async historyOf(userId: string): Promise<{ profile: InvestorProfile; history: KycDecision[] }> {
    const profile = await this.profiles.get(userId);
    const history = await this.dataSource.manager.find(KycDecision, { where: { userId }, order: { id: 'ASC' } });
    return { profile, history };
  }
}
