import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ServiceClockModule } from '../clock/service-clock.module';
import { ValuationsController } from './valuations.controller';
import { ValuationsService } from './valuations.service';

/** Appraisers' valuations of IP assets (income, market or cost method), with their history. */
@Module({
  imports: [AuditModule, ServiceClockModule],
  controllers: [ValuationsController],
  providers: [ValuationsService],
})
export class ValuationsModule {}
