import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { DataSource } from 'typeorm';
import { ProjectNotFoundException } from '../cap-table/cap-table.exceptions';
import { CampaignNotOpenException } from '../pledges/pledge.exceptions';
import { CampaignCloser } from './campaign-closer';
import { SettlementDto } from './dto/settlement.dto';
import { SettlementView } from './settlement-view';

@Injectable()
export class SettlementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closer: CampaignCloser,
    private readonly view: SettlementView,
  ) {}

  /** An admin closes a LIVE campaign now, as if its deadline had passed; 409 unless LIVE. */
  async closeNow(admin: AuthenticatedUser, projectId: string): Promise<SettlementDto> {
    if (!(await this.closer.close(projectId))) {
      const known = (await this.dataSource.query(`SELECT 1 FROM campaigns WHERE project_id = $1`, [
        projectId,
      ])) as unknown[];
      if (known.length === 0) throw new ProjectNotFoundException(projectId);
      throw new CampaignNotOpenException(projectId);
    }
    return this.view.of(admin, projectId);
  }

  async settlementOf(user: AuthenticatedUser, projectId: string): Promise<SettlementDto> {
    return this.view.of(user, projectId);
  }
}
