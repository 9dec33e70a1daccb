import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A positive amount in minor units that JSON carries exactly: an integer no larger than
 * 2^53 − 1 (larger numbers were already rounded by the JSON parser).
 */
export function IsMinorUnits(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(1), Max(Number.MAX_SAFE_INTEGER));
}
