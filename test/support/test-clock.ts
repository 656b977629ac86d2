import { Clock } from '#service-kit';

/** A clock the test moves by hand: expiry and validity rules without waiting. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
