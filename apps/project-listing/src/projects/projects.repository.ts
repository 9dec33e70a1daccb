import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectNotFoundException } from './project.exceptions';
import { Project } from './project.entity';

/**
 * Loads whole projects (with rewards, IP assets, amendments and the company), inside a
 * transaction when given one.
 */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Project> {
    const project = await manager.findOne(Project, {
      where: { id },
      relations: { rewards: true, ipAssets: true, amendments: true, company: true },
      order: { amendments: { projectVersion: 'ASC' } },
    });
    if (!project) throw new ProjectNotFoundException();
    return project;
  }
}
