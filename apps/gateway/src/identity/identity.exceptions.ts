import { DomainException } from '@crowdlink/domain';

export class EmailTakenException extends DomainException {
  constructor() {
    super('EMAIL_TAKEN', 'conflict', 'An account with this email already exists');
  }
}

export class InvalidCredentialsException extends DomainException {
  constructor() {
    super('INVALID_CREDENTIALS', 'unauthenticated', 'Email or password is wrong');
  }
}

export class TooManyAttemptsException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'too_many_requests', 'Too many failed logins for this account; try again later', {
      retryAfterSeconds,
    });
  }
}

export class UserNotFoundException extends DomainException {
  constructor() {
    super('USER_NOT_FOUND', 'not_found', 'No such user');
  }
}

export class DependencyUnavailableException extends DomainException {
  constructor(what: string) {
    super('DEPENDENCY_UNAVAILABLE', 'unavailable', `${what} is not answering; try again shortly`);
  }
}
