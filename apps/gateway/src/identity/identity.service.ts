import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserRole } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { LOGGER } from '@crowdlink/platform';
import { Logger } from 'pino';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AccessTokenIssuer } from './access-token.issuer';
import { SessionDto, UserDto } from './dto/user.dto';
import { EmailTakenException, InvalidCredentialsException, UserNotFoundException } from './identity.exceptions';
import { LoginThrottle } from './login-throttle';
import { Organization } from './organization.entity';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  role: UserRole;
  displayName: string;
  organization?: string;
}

const UNIQUE_VIOLATION = '23505';

/** Accounts: who they are, how they prove it, and the events that tell other services. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenIssuer,
    private readonly throttle: LoginThrottle,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Creates an account and publishes user.registered in the same transaction. */
  async createUser(input: NewUser): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organizationId = input.organization ? await this.organizationIdOf(manager, input.organization) : null;
        const user = manager.create(User, {
          id: newId(),
          email: input.email,
          passwordHash,
          role: input.role,
          displayName: input.displayName,
          organizationId,
          version: 1,
        });
        await manager.insert(User, user);
        await this.outbox.publish(manager, 'user.registered', {
          aggregateId: user.id,
          aggregateVersion: user.version,
          payload: {
            userId: user.id,
            role: user.role,
            displayName: user.displayName,
            organizationId,
            userVersion: user.version,
          },
        });
        return user;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new EmailTakenException();
      }
      throw error;
    }
  }

  async register(input: NewUser): Promise<SessionDto> {
    const user = await this.createUser(input);
    return { user: UserDto.of(user), ...(await this.tokens.issue(user)) };
  }

  async login(email: string, password: string): Promise<SessionDto> {
    await this.throttle.assertAllowed(email);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) {
      await this.throttle.recordFailure(email);
      this.logger.info({ event: 'login_failed' }, 'login failed');
      throw new InvalidCredentialsException();
    }
    await this.throttle.reset(email);
    return { user: UserDto.of(user), ...(await this.tokens.issue(user)) };
  }

  async userOf(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new UserNotFoundException();
    return user;
  }

  /** Renames a user; the new version reaches every service that shows the name. */
  async changeDisplayName(id: string, displayName: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE users SET display_name = $2, version = version + 1, updated_at = now() WHERE id = $1
         RETURNING id, role, display_name, organization_id, version`,
        [id, displayName],
      );
      const row = (
        rows as { id: string; role: UserRole; display_name: string; organization_id: string | null; version: number }[]
      )[0];
      if (!row) throw new UserNotFoundException();
      await this.outbox.publish(manager, 'user.profile-changed', {
        aggregateId: row.id,
        aggregateVersion: row.version,
        payload: {
          userId: row.id,
          role: row.role,
          displayName: row.display_name,
          organizationId: row.organization_id,
          userVersion: row.version,
        },
      });
      return manager.getRepository(User).findOneByOrFail({ id });
    });
  }

  /** Organisations are matched by name, case-insensitively: one row per bank or firm. */
  private async organizationIdOf(manager: EntityManager, name: string): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO organizations (id, name) VALUES ($1, $2)
       ON CONFLICT (lower(name)) DO UPDATE SET updated_at = organizations.updated_at
       RETURNING id`,
      [newId(), name],
    );
    return (row as Pick<Organization, 'id'>).id;
  }
}
