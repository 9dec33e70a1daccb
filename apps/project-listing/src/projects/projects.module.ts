import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module';
import { ProjectEventsPublisher } from './events/project-events.publisher';
import { IpAsset } from './ip-asset.entity';
import { Project } from './project.entity';
import { ProjectReward } from './project-reward.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/** Projects with their terms, rewards and declared IP; what anyone may see of them. */
@Module({
  imports: [TypeOrmModule.forFeature([Project, ProjectReward, IpAsset]), CompaniesModule],
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectsRepository, ProjectEventsPublisher],
  exports: [ProjectsRepository, ProjectEventsPublisher],
})
export class ProjectsModule {}
