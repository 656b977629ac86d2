/** The clock as a port, so rules about time can be tested with a pinned date. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Today's date in the Netherlands (YYYY-MM-DD): due dates and "not in the future" checks use it. */
export function dutchDate(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(moment);
}
