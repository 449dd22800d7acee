import { useEffect, useState } from "react";
import { announceRestOver, extendRest, onRestTimer, readRestTimer, stopRest } from "./rest-timer";

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** The running rest timer; recomputed from its stored end time, so a locked screen cannot stall it. */
export function RestTimer() {
  const [state, setState] = useState(readRestTimer);
  const [now, setNow] = useState(Date.now);
  useEffect(() => onRestTimer(setState), []);
  useEffect(() => {
    if (!state) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= state.endsAt && !state.signalled)
        void announceRestOver(document.visibilityState === "visible", t);
    };
    tick();
    const id = setInterval(tick, 500);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(id);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [state]);
  if (!state) return null;
  const left = state.endsAt - now;
  return (
    <div className="rest-timer" role="timer" aria-label="Rest timer" data-over={left <= 0}>
      <span className="rest-clock">{left > 0 ? `Rest ${clock(left)}` : "Rest over: next set"}</span>
      <button type="button" className="secondary" onClick={() => extendRest(30_000)}>
        +30 s
      </button>
      <button type="button" className="secondary" onClick={stopRest}>
        {left > 0 ? "Skip rest" : "Dismiss"}
      </button>
      {/* Said once by screen readers, when the page signals the end (the clock itself is not live). */}
      <span role="status" className="visually-hidden">
        {state.signalled ? "Rest over: time for your next set" : ""}
      </span>
    </div>
  );
}
