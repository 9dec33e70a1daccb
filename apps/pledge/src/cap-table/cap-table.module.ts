import { Module } from '@nestjs/common';
import { CapTable } from './cap-table';
import { CapTableController } from './cap-table.controller';
import { CapTableService } from './cap-table.service';
import { WarrantGrantedHandler } from './events/warrant-granted.handler';
import { PortfolioService } from './portfolio.service';

/** The cap table written at FUNDED, warrant options, and each investor's portfolio. */
@Module({
  controllers: [CapTableController],
  providers: [CapTable, CapTableService, PortfolioService, WarrantGrantedHandler],
  exports: [CapTable],
})
export class CapTableModule {}
