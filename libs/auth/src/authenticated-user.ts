import { UserRole } from '@crowdlink/contracts';

/** Who is calling, as the verified access token says. Never taken from a request body. */
export interface AuthenticatedUser {
  id: string;
  role: UserRole;
  organizationId?: string;
}

export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
