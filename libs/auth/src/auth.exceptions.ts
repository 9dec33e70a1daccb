import { DomainException } from '@crowdlink/domain';

export class AuthenticationRequiredException extends DomainException {
  constructor() {
    super('UNAUTHENTICATED', 'unauthenticated', 'Send a bearer access token');
  }
}

export class InvalidTokenException extends DomainException {
  constructor() {
    super('INVALID_TOKEN', 'unauthenticated', 'The access token is not valid');
  }
}

export class TokenExpiredException extends DomainException {
  constructor() {
    super('TOKEN_EXPIRED', 'unauthenticated', 'The access token has expired; log in again');
  }
}

export class RoleNotAllowedException extends DomainException {
  constructor(allowed: readonly string[]) {
    super('FORBIDDEN', 'forbidden', `Only ${allowed.join(', ')} may do this`);
  }
}
