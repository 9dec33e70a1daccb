import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, UserRole } from '@crowdlink/contracts';
import { User } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: USER_ROLES })
  role!: UserRole;

  @ApiProperty()
  displayName!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  organizationId?: string;

  static of(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      displayName: user.displayName,
      ...(user.organizationId ? { organizationId: user.organizationId } : {}),
    };
  }
}

export class SessionDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;
}
