/** A date format a file may use: a pattern and how its parts become a local date and time. */
export interface DateFormat {
  name: string;
  parse(text: string): number | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Local time from parts, or null when a part is out of range (31 February, hour 25). */
function localMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** 12-hour clock to 24: "6:05 PM" is 18. */
function hour24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith("p");
  return (h % 12) + (pm ? 12 : 0);
}

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?)?`;

function pattern(date: string): RegExp {
  return new RegExp(`^\\s*${date}${TIME}\\s*$`);
}

type Parts = (m: RegExpExecArray) => [number, number, number];

function format(name: string, date: string, parts: Parts): DateFormat {
  const re = pattern(date);
  return {
    name,
    parse(text) {
      const m = re.exec(text);
      if (!m) return null;
      const [y, mo, d] = parts(m);
      const n = m.length;
      const h = m[n - 4] === undefined ? 0 : hour24(Number(m[n - 4]), m[n - 1]);
      return localMs(y, mo, d, h, Number(m[n - 3] ?? 0), Number(m[n - 2] ?? 0));
    },
  };
}

/** An ISO timestamp with a zone ("2024-01-15T18:03:12Z", "+01:00") is an instant, not a local time. */
const ZONED: DateFormat = {
  name: "ISO 8601 with time zone",
  parse(text) {
    if (!/^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\s*$/.test(text)) return null;
    const ms = Date.parse(text.trim());
    return Number.isFinite(ms) ? ms : null;
  },
};

/**
 * Every date format the importer knows, most specific first. Day-first and month-first slashes are
 * both here: which one a file uses is decided over all its dates (see {@link detectDateFormat}).
 */
export const DATE_FORMATS: readonly DateFormat[] = [
  ZONED,
  format("YYYY-MM-DD HH:mm:ss", String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`, (m) => [+m[1]!, +m[2]!, +m[3]!]),
  format("D MMM YYYY, HH:mm", String.raw`(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})`, (m) => [
    +m[3]!,
    monthOf(m[2]!),
    +m[1]!,
  ]),
  format("MMM D, YYYY, h:mm a", String.raw`([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})`, (m) => [
    +m[3]!,
    monthOf(m[1]!),
    +m[2]!,
  ]),
  format("M/D/YYYY h:mm a", String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, (m) => [+m[3]!, +m[1]!, +m[2]!]),
  format("D/M/YYYY HH:mm", String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, (m) => [+m[3]!, +m[2]!, +m[1]!]),
  format("D.M.YYYY HH:mm", String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`, (m) => [+m[3]!, +m[2]!, +m[1]!]),
];

/**
 * The format that reads the most of `samples` (all of them, in a well-formed file), or null when
 * none reads any. A file whose slashed dates all fit both orders is read month first, as the apps
 * that write slashes (US locales) do.
 */
export function detectDateFormat(samples: readonly string[]): DateFormat | null {
  let best: DateFormat | null = null;
  let bestCount = 0;
  for (const candidate of DATE_FORMATS) {
    let count = 0;
    for (const sample of samples) if (candidate.parse(sample) !== null) count += 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
    if (count === samples.length && count > 0) break;
  }
  return best;
}
