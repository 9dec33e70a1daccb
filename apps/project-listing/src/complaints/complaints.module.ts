import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

/** Investors' complaints about projects and their resolution by admins, with history. */
@Module({
  imports: [TypeOrmModule.forFeature([Complaint, ComplaintEvent]), ProjectsModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService],
})
export class ComplaintsModule {}
