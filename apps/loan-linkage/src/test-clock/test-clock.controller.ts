import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { DomainException } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { OffsetClock } from '../clock/offset-clock';
import { LoanServicingService, ServicingRun } from '../servicing/loan-servicing.service';
import { DAY_MS } from '../clock/days';

const CLOCK_SUBJECT_ID = '00000000-0000-0000-0000-000000000000';

export class AdvanceClockDto {
  @ApiProperty({ description: 'Whole days to move the service clock forward' })
  @IsInt()
  @Min(1)
  @Max(3_650)
  advanceDays!: number;
}

class TestClockDisabledException extends DomainException {
  constructor() {
    super('NOT_FOUND', 'not_found', 'Not found');
  }
}

/**
 * Test and demo only (TEST_CLOCK_CONTROL=true, refused in production): moves loan-linkage's
 * clock forward and runs loan servicing at once, so an end-to-end scenario can make a loan
 * 90 days overdue against running processes. Otherwise the route does not exist (404).
 */
@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1/admin/test-clock')
export class TestClockController {
  constructor(
    private readonly clock: OffsetClock,
    private readonly servicing: LoanServicingService,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The servicing run at the new time' })
  async advance(@CurrentUser() admin: AuthenticatedUser, @Body() body: AdvanceClockDto): Promise<ServicingRun> {
    if (this.config.TEST_CLOCK_CONTROL !== 'true') throw new TestClockDisabledException();
    this.clock.advance(body.advanceDays * DAY_MS);
    await this.dataSource.transaction((manager) =>
      this.audit.record(
        manager,
        admin,
        'clock.advanced',
        { type: 'clock', id: CLOCK_SUBJECT_ID },
        { advanceDays: body.advanceDays },
        this.clock.now(),
      ),
    );
    return this.servicing.run();
  }
}
