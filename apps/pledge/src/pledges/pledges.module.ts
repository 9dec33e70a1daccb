import { Module } from '@nestjs/common';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

/** Pledges: taking them within the cap and the investor's limits, and showing them. */
@Module({
  controllers: [PledgesController],
  providers: [PledgesService],
})
export class PledgesModule {}
