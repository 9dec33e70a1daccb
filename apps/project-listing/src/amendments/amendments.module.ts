import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { AmendmentsController } from './amendments.controller';
import { AmendmentsService } from './amendments.service';
import { ProjectAmendment } from './project-amendment.entity';

/** Material changes to LIVE projects, on which committed investors are asked to reconfirm. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectAmendment]), ProjectsModule],
  controllers: [AmendmentsController],
  providers: [AmendmentsService],
})
export class AmendmentsModule {}
