import type { LocalDate } from "../schemas/plan";

const MS_PER_DAY = 86_400_000;

const toUtcMs = (day: LocalDate): number => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** `day` moved by `days` calendar days. */
export function addDays(day: LocalDate, days: number): LocalDate {
  return new Date(toUtcMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of `day`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: LocalDate): number {
  const weekday = new Date(toUtcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The usual training weekdays for `daysPerWeek` sessions, spread with rest between. */
export function defaultWeekdays(daysPerWeek: number): number[] {
  const spreads: Record<number, number[]> = {
    1: [1],
    2: [1, 4],
    3: [1, 3, 5],
    4: [1, 2, 4, 5],
    5: [1, 2, 3, 5, 6],
    6: [1, 2, 3, 4, 5, 6],
    7: [1, 2, 3, 4, 5, 6, 7],
  };
  return spreads[Math.min(7, Math.max(1, Math.round(daysPerWeek)))]!;
}
