import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EmailTakenException } from './identity.exceptions';
import { IdentityService } from './identity.service';
import { User } from './user.entity';

/** Outside production only; production refuses to start without ADMIN_EMAIL / ADMIN_PASSWORD. */
export const DEFAULT_ADMIN = { email: 'admin@crowdlink.local', password: 'crowdlink-admin' } as const;

/** Makes sure the first admin exists, so that there is someone to create banks and appraisers. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly identity: IdentityService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = (this.config.ADMIN_EMAIL ?? DEFAULT_ADMIN.email).toLowerCase();
    const password = this.config.ADMIN_PASSWORD ?? DEFAULT_ADMIN.password;
    if (await this.dataSource.getRepository(User).existsBy({ email })) return;
    try {
      await this.identity.createUser({ email, password, role: 'admin', displayName: 'Administrator' });
      this.logger.info({ email }, 'first admin created');
    } catch (error) {
      // a replica starting at the same moment created it first
      if (!(error instanceof EmailTakenException)) throw error;
    }
  }
}
