// Small Web Vitals observers (LCP, CLS, INP), following the metric definitions on web.dev.
import type { RecordSample } from "./recorder";

type Stop = () => void;
const supported = (type: string) => PerformanceObserver.supportedEntryTypes?.includes(type) ?? false;

function watch(
  type: string,
  init: PerformanceObserverInit,
  onEntries: (entries: PerformanceEntryList) => void,
): Stop {
  if (!supported(type)) return () => undefined;
  const observer = new PerformanceObserver((list) => onEntries(list.getEntries()));
  observer.observe({ type, buffered: true, ...init });
  return () => observer.disconnect();
}

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

interface EventTiming extends PerformanceEntry {
  interactionId?: number;
}

/** Largest Contentful Paint: each new candidate replaces the last; the latest sample is the LCP. */
const observeLcp = (record: RecordSample): Stop =>
  watch("largest-contentful-paint", {}, (entries) => {
    const last = entries.at(-1);
    if (last) record("lcp_ms", last.startTime);
  });

/** CLS: the largest session window of shifts (gaps under 1 s, at most 5 s long) without recent input. */
export class ClsAccumulator {
  private session = 0;
  private sessionStart = 0;
  private lastShift = Number.NEGATIVE_INFINITY;
  worst = 0;

  /** Adds one layout shift; returns true when the worst session (the CLS) grew. */
  add(shift: Pick<LayoutShift, "startTime" | "value" | "hadRecentInput">): boolean {
    if (shift.hadRecentInput) return false;
    const continues = shift.startTime - this.lastShift < 1000 && shift.startTime - this.sessionStart < 5000;
    if (!continues) {
      this.session = 0;
      this.sessionStart = shift.startTime;
    }
    this.session += shift.value;
    this.lastShift = shift.startTime;
    if (this.session <= this.worst) return false;
    this.worst = this.session;
    return true;
  }
}

function observeCls(record: RecordSample): Stop {
  const cls = new ClsAccumulator();
  return watch("layout-shift", {}, (entries) => {
    for (const entry of entries as LayoutShift[]) {
      if (cls.add(entry)) record("cls", Math.round(cls.worst * 1000) / 1000);
    }
  });
}

/** INP: the longest interaction so far (the p98 rule only matters past 50 interactions). */
function observeInp(record: RecordSample): Stop {
  const longestByInteraction = new Map<number, number>();
  let inp = 0;
  return watch("event", { durationThreshold: 16 } as PerformanceObserverInit, (entries) => {
    for (const entry of entries as EventTiming[]) {
      if (!entry.interactionId) continue;
      const longest = Math.max(longestByInteraction.get(entry.interactionId) ?? 0, entry.duration);
      longestByInteraction.set(entry.interactionId, longest);
      if (longest > inp) {
        inp = longest;
        record("inp_ms", inp);
      }
    }
  });
}

export function observeWebVitals(record: RecordSample): Stop {
  const stops = [observeLcp(record), observeCls(record), observeInp(record)];
  return () => stops.forEach((stop) => stop());
}
