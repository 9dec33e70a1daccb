import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';

/** Companies, projects, review, the public showcase and search, IP declarations. */
@Module({
  imports: [AuthModule, MessagingModule],
})
export class ProjectListingModule {}
