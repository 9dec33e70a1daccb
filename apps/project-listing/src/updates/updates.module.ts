import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectUpdate } from './project-update.entity';
import { UpdatesController } from './updates.controller';
import { UpdatesService } from './updates.service';

/** Founders' news on their projects. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectUpdate]), ProjectsModule],
  controllers: [UpdatesController],
  providers: [UpdatesService],
})
export class UpdatesModule {}
