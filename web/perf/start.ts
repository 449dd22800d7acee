// Entry point loaded lazily from main.tsx after first paint: keeps the shell chunk small.
import { pollMemory } from "./memory";
import { observeApi, observeLongTasks, observePose } from "./observers";
import { PerfRecorder } from "./recorder";
import { observeWebVitals } from "./web-vitals";

let stop: (() => void) | undefined;

/** Starts every device collector once per page; returns a function that stops them. */
export function startPerfCollection(): () => void {
  if (stop) return stop;
  const recorder = new PerfRecorder();
  const stops = [
    observePose(recorder.record),
    observeLongTasks(recorder.record),
    observeApi(recorder.record),
    observeWebVitals(recorder.record),
    pollMemory(recorder.record),
  ];
  const flushOnHide = () => {
    if (document.visibilityState === "hidden") void recorder.flush();
  };
  document.addEventListener("visibilitychange", flushOnHide);
  stop = () => {
    stops.forEach((s) => s());
    document.removeEventListener("visibilitychange", flushOnHide);
    void recorder.flush();
    stop = undefined;
  };
  return stop;
}
