/**
 * Today's date and the current time, as the organization sees them. Deadlines and windows are dates in the
 * organization's time zone (the seed programs are in China), never the server's UTC date. Tests pass their own
 * clock to startServer to reproduce a worked example's dates.
 */
export interface Clock {
  /** Today as YYYY-MM-DD in the organization's time zone. */
  today(): string;
  now(): Date;
}

/** The organization's time zone; deadlines at midnight are midnight there. */
export const ORGANIZATION_TIME_ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ORGANIZATION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export const systemClock: Clock = {
  today: () => dateFormat.format(new Date()),
  now: () => new Date(),
};

/** A clock fixed to a date that tests move by hand. */
export function fixedClock(today: string): Clock & { set(today: string): void } {
  let current = today;
  return {
    today: () => current,
    now: () => new Date(),
    set(next: string) {
      current = next;
    },
  };
}
