import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from '@crowdlink/domain';

export interface FieldError {
  field: string;
  errors: string[];
}

export class ValidationFailedException extends DomainException {
  constructor(details: FieldError[]) {
    super('VALIDATION_FAILED', 'invalid', 'The request has invalid fields', details);
  }
}

/** Strict input: unknown fields are refused, types are checked, every bad field is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
