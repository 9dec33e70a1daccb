import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ServiceClockModule } from '../clock/service-clock.module';
import { ServicingModule } from '../servicing/servicing.module';
import { TestClockController } from './test-clock.controller';

/** The test-only clock control (TEST_CLOCK_CONTROL). */
@Module({ imports: [AuditModule, ServiceClockModule, ServicingModule], controllers: [TestClockController] })
export class TestClockModule {}
