import { Module } from '@nestjs/common';
import { ShowcaseController } from './showcase.controller';
import { ShowcaseService } from './showcase.service';

/**
 * The public showcase: listing, filtering, sorting and full-text search of projects
 * (GET /v1/projects). Reads only; projects are written by ProjectsModule, which keeps
 * their search vector (shared/search-text.ts).
 */
@Module({
  controllers: [ShowcaseController],
  providers: [ShowcaseService],
})
export class ShowcaseModule {}
