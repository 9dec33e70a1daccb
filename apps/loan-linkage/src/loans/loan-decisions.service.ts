import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { CollateralRegistrationDto } from './dto/collateral-registration.dto';
import { CollateralRegisteredDto, LoanStatusDto } from './dto/loan.dto';
import { Linkage } from './linkage';
import { isLoanBank, isLoanFounder, LoanRow } from './loan-row';
import { LoanTransitions } from './loan-transitions';
import { LoanNotAcceptedException, LoanNotFoundException, RegistrationInFutureException } from './loan.exceptions';

/**
 * What the parties decide about an offer: the founder accepts or declines it, the bank
 * withdraws it before acceptance and records the collateral's registration. Each decision
 * locks the loan, so concurrent decisions are taken one after the other.
 */
@Injectable()
export class LoanDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: LoanTransitions,
    private readonly linkage: Linkage,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Accepting reserves the collateral; the round may already have closed, so linkage is settled at once. */
  async accept(founder: AuthenticatedUser, id: string): Promise<LoanStatusDto> {
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.founderLoan(manager, founder, id);
      const accepted = await this.transitions.move(manager, loan, 'ACCEPTED', {
        actorId: founder.id,
        reason: 'accepted by the founder',
      });
      const settled = await this.linkage.settle(manager, accepted);
      return { id, status: settled.status };
    });
  }

  async decline(founder: AuthenticatedUser, id: string): Promise<LoanStatusDto> {
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.founderLoan(manager, founder, id);
      const declined = await this.transitions.move(manager, loan, 'DECLINED', {
        actorId: founder.id,
        reason: 'declined by the founder',
      });
      return { id, status: declined.status };
    });
  }

  async withdraw(bank: AuthenticatedUser, id: string): Promise<LoanStatusDto> {
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.bankLoan(manager, bank, id);
      const withdrawn = await this.transitions.move(manager, loan, 'WITHDRAWN', {
        actorId: bank.id,
        reason: 'withdrawn by the bank',
      });
      await this.audit.record(manager, bank, 'loan.withdrawn', { type: 'loan', id }, {}, this.clock.now());
      return { id, status: withdrawn.status };
    });
  }

  /**
   * The pledge exists once registered (China Civil Code Art 444): recorded on an ACCEPTED loan,
   * it may be what completes the linkage, so the loan is settled in the same transaction.
   */
  async registerCollateral(
    bank: AuthenticatedUser,
    id: string,
    body: CollateralRegistrationDto,
  ): Promise<CollateralRegisteredDto> {
    const now = this.clock.now();
    const registeredAt = new Date(body.registeredAt);
    if (registeredAt > now) throw new RegistrationInFutureException();
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.bankLoan(manager, bank, id);
      if (loan.status !== 'ACCEPTED') throw new LoanNotAcceptedException(id, loan.status);
      await manager.query(
        `UPDATE loans SET registration_number = $2, registered_at = $3, updated_at = now() WHERE id = $1`,
        [id, body.registrationNumber, registeredAt.toISOString()],
      );
      await this.audit.record(manager, bank, 'collateral.registered', { type: 'loan', id }, { ...body }, now);
      const settled = await this.linkage.settle(manager, {
        ...loan,
        registration_number: body.registrationNumber,
        registered_at: registeredAt,
      });
      return {
        id,
        status: settled.status,
        registrationNumber: body.registrationNumber,
        registeredAt: registeredAt.toISOString(),
      };
    });
  }

  private async founderLoan(manager: EntityManager, founder: AuthenticatedUser, id: string): Promise<LoanRow> {
    const loan = await this.transitions.lock(manager, id);
    if (!isLoanFounder(founder, loan)) throw new LoanNotFoundException(id);
    return loan;
  }

  private async bankLoan(manager: EntityManager, bank: AuthenticatedUser, id: string): Promise<LoanRow> {
    const loan = await this.transitions.lock(manager, id);
    if (!isLoanBank(bank, loan)) throw new LoanNotFoundException(id);
    return loan;
  }
}
