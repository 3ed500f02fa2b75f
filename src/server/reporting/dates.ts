// Due dates are calendar dates in China (stored as DATE, read back as UTC midnight); "today" is
// the date in Asia/Shanghai, so a report due today is never shown as late at 08:00 Beijing time.

const DAY = 86_400_000;
const chinaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date (YYYY-MM-DD) of an instant, in China. */
export const chinaDay = (at: Date) => chinaDate.format(at);

/** A DATE column as YYYY-MM-DD. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const dayToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Whole days from today (in China) to the due date; negative when late. */
export function daysLeft(dueOn: Date, now: Date = new Date()): number {
  return Math.round((dueOn.getTime() - dayToDate(chinaDay(now)).getTime()) / DAY);
}

/** Submitted after the due date (in China), or still not submitted once it has passed. */
export function isLate(dueOn: Date, submittedAt: Date | null, now: Date = new Date()): boolean {
  return chinaDay(submittedAt ?? now) > isoDay(dueOn);
}
