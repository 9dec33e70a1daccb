import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { idCursor, Page, pageOf } from '@crowdlink/platform';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { assertVisible } from '../projects/project-access';
import { ProjectsRepository } from '../projects/projects.repository';
import { ComplaintAction, ComplaintEvent } from './complaint-event.entity';
import { Complaint, ComplaintStatus } from './complaint.entity';
import { ComplaintAlreadyResolvedException, ComplaintNotFoundException } from './complaint.exceptions';
import { FileComplaintDto } from './dto/file-complaint.dto';

/** Complaints are filed and resolved with a line of history each, in one transaction. */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async file(investor: AuthenticatedUser, projectId: string, input: FileComplaintDto): Promise<Complaint> {
    // an investor can complain only about what they can see: public projects
    assertVisible(await this.projects.get(projectId), investor);
    return this.dataSource.transaction(async (manager) => {
      const complaint = manager.create(Complaint, {
        ...input,
        id: newId(),
        projectId,
        investorId: investor.id,
        status: 'OPEN',
        resolution: null,
        resolvedBy: null,
        resolvedAt: null,
      });
      await manager.save(complaint);
      await this.record(manager, complaint.id, investor.id, 'FILED', null);
      return complaint;
    });
  }

  /** Oldest first, so the queue is worked in order. */
  async list(status: ComplaintStatus | undefined, limit: number, cursor?: string): Promise<Page<Complaint>> {
    const after = idCursor(cursor);
    const rows = await this.dataSource.manager.find(Complaint, {
      where: { ...(status ? { status } : {}), ...(after ? { id: MoreThan(after) } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    return pageOf(rows, limit, (last) => last.id);
  }

  async get(id: string): Promise<{ complaint: Complaint; history: ComplaintEvent[] }> {
    const complaint = await this.dataSource.manager.findOneBy(Complaint, { id });
    if (!complaint) throw new ComplaintNotFoundException();
    return { complaint, history: await this.historyOf(this.dataSource.manager, id) };
  }

  async resolve(
    admin: AuthenticatedUser,
    id: string,
    resolution: string,
  ): Promise<{ complaint: Complaint; history: ComplaintEvent[] }> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Complaint)
        .set({ status: 'RESOLVED', resolution, resolvedBy: admin.id, resolvedAt: this.clock.now() })
        .where(`id = :id AND status = 'OPEN'`, { id })
        .execute();
      if (result.affected !== 1) {
        const exists = await manager.existsBy(Complaint, { id });
        throw exists ? new ComplaintAlreadyResolvedException() : new ComplaintNotFoundException();
      }
      await this.record(manager, id, admin.id, 'RESOLVED', resolution);
      const complaint = await manager.findOneByOrFail(Complaint, { id });
      const history = await this.historyOf(manager, id);
      // the complaint has no version column: its history is append-only, so its length is one
      await this.outbox.publish(manager, 'complaint.resolved', {
        aggregateId: id,
        aggregateVersion: history.length,
        payload: {
          complaintId: id,
          projectId: complaint.projectId,
          complainantId: complaint.investorId,
          resolution,
          resolvedAt: complaint.resolvedAt!.toISOString(),
        },
      });
      return { complaint, history };
    });
  }

  private async record(
    manager: EntityManager,
    complaintId: string,
    actorId: string,
    action: ComplaintAction,
    notes: string | null,
  ): Promise<void> {
    await manager.insert(ComplaintEvent, { id: newId(), complaintId, actorId, action, notes });
  }

  private async historyOf(manager: EntityManager, complaintId: string): Promise<ComplaintEvent[]> {
    return manager.find(ComplaintEvent, { where: { complaintId }, order: { id: 'ASC' } });
  }
}
