import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { SophisticationDecision } from './dto/decide-sophistication.dto';
import { RequestSophisticationDto } from './dto/request-sophistication.dto';
import { evidenceMeetsCriteria } from './sophistication-evidence';
import { SophisticationRequest } from './sophistication-request.entity';
import {
  NoSophisticationRequestException,
  SophisticationRequestNotAllowedException,
} from './sophistication.exceptions';

/**
 * Sophisticated status (ECSPR Annex II) is given only on request, by an admin:
 * NONE | REJECTED → REQUESTED → APPROVED | REJECTED. Every request is kept with its decision.
 */
@Injectable()
export class SophisticationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: InvestorProfilesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(userId: string, body: RequestSophisticationDto): Promise<SophisticationRequest> {
    const { result } = await this.profiles.change(userId, async (profile, manager) => {
      if (profile.sophisticatedStatus === 'REQUESTED' || profile.sophisticatedStatus === 'APPROVED') {
        throw new SophisticationRequestNotAllowedException(profile.sophisticatedStatus);
      }
      profile.sophisticatedStatus = 'REQUESTED';
      const request = manager.create(SophisticationRequest, {
        id: newId(),
        userId,
        criteria: body.criteria,
        evidence: { ...body.evidence },
        meetsCriteria: evidenceMeetsCriteria(body.evidence),
        status: 'REQUESTED',
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNotes: null,
      });
      return manager.save(SophisticationRequest, request);
    });
    return result;
  }

  async decide(
    admin: AuthenticatedUser,
    userId: string,
    decision: SophisticationDecision,
    notes: string,
  ): Promise<SophisticationRequest> {
    const { result } = await this.profiles.change(userId, async (profile, manager) => {
      const open = await manager.findOneBy(SophisticationRequest, { userId, status: 'REQUESTED' });
      if (profile.sophisticatedStatus !== 'REQUESTED' || !open) {
        throw new NoSophisticationRequestException(profile.sophisticatedStatus);
      }
      const status = decision === 'approve' ? 'APPROVED' : 'REJECTED';
      profile.sophisticatedStatus = status;
      Object.assign(open, { status, decidedBy: admin.id, decidedAt: this.clock.now(), decisionNotes: notes });
      return manager.save(SophisticationRequest, open);
    });
    return result;
  }

  async requestsOf(userId: string): Promise<SophisticationRequest[]> {
    await this.profiles.get(userId);
    return this.dataSource.manager.find(SophisticationRequest, { where: { userId }, order: { id: 'ASC' } });
  }
}
