import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as null: unlike @IsOptional(), a null is validated (and
 * refused) like any other value, so "absent" keeps meaning "none" or "unchanged".
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
