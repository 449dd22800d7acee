// PerformanceObserver-based collectors. Each returns a function that stops it. They read the pose
// client's entries by name (POSE_MARKS) instead of calling into the pose code.
import type { RecordSample } from "./recorder";

type Stop = () => void;

function observe(
  type: string,
  onEntry: (entry: PerformanceEntry) => void,
  extra: PerformanceObserverInit = {},
): Stop {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return () => undefined;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
  observer.observe({ type, buffered: true, ...extra });
  return () => observer.disconnect();
}

const POSE_MARK_KINDS = {
  "pose:worker-start": "worker_start_ms",
  "pose:model-loaded": "model_loaded_ms",
  "pose:first-landmarks": "first_landmarks_ms",
} as const;

const isPoseMark = (name: string): name is keyof typeof POSE_MARK_KINDS => name in POSE_MARK_KINDS;

/** Reads `detail.inferenceMs` when the round-trip measure carries it; anything else is ignored. */
function inferenceFromDetail(detail: unknown): number | null {
  if (typeof detail !== "object" || detail === null || !("inferenceMs" in detail)) return null;
  return typeof detail.inferenceMs === "number" ? detail.inferenceMs : null;
}

/** Pose: inference and round-trip ms per frame, frames per second and dropped frames per second. */
export function observePose(record: RecordSample, tickMs = 1000): Stop {
  let frames = 0;
  let dropped = 0;
  const stopMeasures = observe("measure", (entry) => {
    if (entry.name === "pose:inference") record("inference_ms", entry.duration);
    if (entry.name !== "pose:round-trip") return;
    frames += 1;
    record("round_trip_ms", entry.duration);
    const inferenceMs = inferenceFromDetail((entry as PerformanceMeasure).detail);
    if (inferenceMs !== null) record("inference_ms", inferenceMs);
  });
  const stopMarks = observe("mark", (entry) => {
    if (entry.name === "pose:dropped") dropped += 1;
    else if (isPoseMark(entry.name)) record(POSE_MARK_KINDS[entry.name], entry.startTime);
  });
  const tick = setInterval(() => {
    if (frames > 0 || dropped > 0) {
      record("fps", (frames * 1000) / tickMs);
      record("dropped_frames", dropped);
    }
    frames = 0;
    dropped = 0;
  }, tickMs);
  return () => {
    stopMeasures();
    stopMarks();
    clearInterval(tick);
  };
}

/** Main-thread tasks over 50 ms. */
export const observeLongTasks = (record: RecordSample): Stop =>
  observe("longtask", (entry) => record("long_task_ms", entry.duration));

/** API latency as this page saw it: every `/api/` resource entry on this origin. */
export const observeApi = (record: RecordSample): Stop =>
  observe("resource", (entry) => {
    const url = new URL(entry.name, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith("/api/")) return;
    const timing = entry as PerformanceResourceTiming;
    record("api_ms", timing.responseEnd - timing.startTime, url.pathname);
  });
