import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { newId } from '@crowdlink/domain';
import { idCursor, Page, pageOf } from '@crowdlink/platform';
import { LessThan, Repository } from 'typeorm';
import { assertOwner, assertVisible } from '../projects/project-access';
import { ProjectsRepository } from '../projects/projects.repository';
import { CreateUpdateDto } from './dto/create-update.dto';
import { ProjectUpdate } from './project-update.entity';

@Injectable()
export class UpdatesService {
  constructor(
    @InjectRepository(ProjectUpdate) private readonly updates: Repository<ProjectUpdate>,
    private readonly projects: ProjectsRepository,
  ) {}

  async post(user: AuthenticatedUser, projectId: string, input: CreateUpdateDto): Promise<ProjectUpdate> {
    assertOwner(await this.projects.get(projectId), user);
    return this.updates.save(this.updates.create({ ...input, id: newId(), projectId, authorId: user.id }));
  }

  /** Newest first; visible to whoever may see the project. */
  async list(
    user: AuthenticatedUser | undefined,
    projectId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ProjectUpdate>> {
    const after = idCursor(cursor);
    assertVisible(await this.projects.get(projectId), user);
    const rows = await this.updates.find({
      where: { projectId, ...(after ? { id: LessThan(after) } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return pageOf(rows, limit, (last) => last.id);
  }
}
