import { Module } from '@nestjs/common';
import { ServiceClockModule } from '../clock/service-clock.module';
import { BankViewController } from './bank-view.controller';
import { BankViewService } from './bank-view.service';

/** The bank's view of projects it could lend against: aggregates only. */
@Module({ imports: [ServiceClockModule], controllers: [BankViewController], providers: [BankViewService] })
export class BankViewModule {}
