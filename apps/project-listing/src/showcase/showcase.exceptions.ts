import { DomainException } from '@crowdlink/domain';

/** A cursor that this service did not hand out, or one from a listing with another sort. */
export class InvalidCursorException extends DomainException {
  constructor() {
    super('INVALID_CURSOR', 'invalid', 'The cursor is not one this listing gave out; start again without it');
  }
}
