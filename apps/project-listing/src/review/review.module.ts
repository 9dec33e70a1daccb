import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { GoLiveQueue } from './jobs/go-live.queue';
import { GoLiveWorker } from './jobs/go-live.worker';
import { ProjectStatusChange } from './project-status-change.entity';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/** The review workflow and its history; opening approved projects at opensAt. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectStatusChange]), ProjectsModule],
  controllers: [ReviewController],
  providers: [ReviewService, GoLiveQueue, GoLiveWorker],
  exports: [ReviewService],
})
export class ReviewModule {}
