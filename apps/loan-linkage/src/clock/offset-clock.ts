import { Clock } from '@crowdlink/domain';

/**
 * The service's clock: the platform's clock moved forward by an offset. The offset stays 0
 * unless TEST_CLOCK_CONTROL lets an admin advance it (end-to-end scenarios that need a loan
 * to be 90 days overdue against running processes).
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Time only moves forward: a loan's history must never be rewritten into the future's past. */
  advance(milliseconds: number): void {
    if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
      throw new RangeError(`The clock only moves forward by whole milliseconds: ${milliseconds}`);
    }
    this.offsetMs += milliseconds;
  }
}
