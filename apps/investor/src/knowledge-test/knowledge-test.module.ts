import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvestorsModule } from '../investors/investors.module';
import { KnowledgeTestAttempt } from './knowledge-test-attempt.entity';
import { KnowledgeTestController } from './knowledge-test.controller';
import { KnowledgeTestService } from './knowledge-test.service';

/** The EU (ECSPR) entry knowledge test: fixed questions, pass mark and validity from the compliance library. */
@Module({
  imports: [InvestorsModule, TypeOrmModule.forFeature([KnowledgeTestAttempt])],
  controllers: [KnowledgeTestController],
  providers: [KnowledgeTestService],
})
export class KnowledgeTestModule {}
