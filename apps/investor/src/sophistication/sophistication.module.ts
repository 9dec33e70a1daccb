import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvestorsModule } from '../investors/investors.module';
import { SophisticationRequest } from './sophistication-request.entity';
import { SophisticationController } from './sophistication.controller';
import { SophisticationService } from './sophistication.service';

/** EU sophisticated-investor status: the investor's request, an admin's decision, the history. */
@Module({
  imports: [InvestorsModule, TypeOrmModule.forFeature([SophisticationRequest])],
  controllers: [SophisticationController],
  providers: [SophisticationService],
})
export class SophisticationModule {}
