import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';

export const USER_ROLES = ['founder', 'investor', 'bank', 'appraiser', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * The part of a user that other services may keep: never the email or anything secret.
 * Every user event carries the whole snapshot, so a consumer needs no earlier event to
 * apply a later one.
 */
export class UserSnapshotV1 {
  @IsUUID()
  userId!: string;

  @IsIn(USER_ROLES)
  role!: UserRole;

  @IsString()
  @Length(1, 100)
  displayName!: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @IsInt()
  @Min(1)
  userVersion!: number;
}

export class UserRegisteredV1 extends UserSnapshotV1 {}

export class UserProfileChangedV1 extends UserSnapshotV1 {}
