/** Where one part's frame loop spent its time on the page (one worker's range of the file). */
export interface PartStages {
  frames: number;
  /** Waiting for the decoder to hand over the next frame. */
  decodeWaitMs: number;
  /** Handing frames to the worker (the transfer's synchronous part). */
  sendMs: number;
  /** Waiting for the worker's results with nothing else to do. */
  resultWaitMs: number;
  /** The page's own work per frame: reporting it and the progress. */
  pageMs: number;
}

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface RunStages {
  parts: PartStages[];
  /** Main-thread tasks over 50 ms during the frame loop (Long Tasks API; zeros where unsupported). */
  longTasks: LongTasks;
}

export function emptyStages(): PartStages {
  return { frames: 0, decodeWaitMs: 0, sendMs: 0, resultWaitMs: 0, pageMs: 0 };
}

/** Adds the time `work` takes to `stages[key]`, sync or async. */
export async function timed<T>(
  stages: PartStages,
  key: Exclude<keyof PartStages, "frames">,
  work: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    stages[key] += performance.now() - start;
  }
}

/** Collects the page's long tasks between `start` and `stop` (stop may be called twice). */
export function watchLongTasks(): { start(): void; stop(): LongTasks } {
  const tasks: LongTasks = { count: 0, totalMs: 0, maxMs: 0 };
  let observer: PerformanceObserver | null = null;
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      tasks.count += 1;
      tasks.totalMs += entry.duration;
      tasks.maxMs = Math.max(tasks.maxMs, entry.duration);
    }
  };
  return {
    start() {
      if (!PerformanceObserver.supportedEntryTypes?.includes("longtask")) return;
      observer = new PerformanceObserver((list) => record(list.getEntries()));
      observer.observe({ type: "longtask" });
    },
    stop() {
      if (observer) record(observer.takeRecords());
      observer?.disconnect();
      observer = null;
      return { ...tasks };
    },
  };
}
