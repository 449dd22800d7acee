import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n";
import { formatClock } from "../../i18n/format";
import { announceRestOver, extendRest, onRestTimer, readRestTimer, stopRest } from "./rest-timer";

/** The running rest timer; recomputed from its stored end time, so a locked screen cannot stall it. */
export function RestTimer() {
  const { t } = useTranslation("log");
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
    <div className="rest-timer" role="timer" aria-label={t("rest.label")} data-over={left <= 0}>
      <span className="rest-clock">
        {left > 0 ? t("rest.left", { clock: formatClock(Math.ceil(left / 1000)) }) : t("rest.over")}
      </span>
      <button type="button" className="secondary" onClick={() => extendRest(30_000)}>
        {t("rest.add30")}
      </button>
      <button type="button" className="secondary" onClick={stopRest}>
        {left > 0 ? t("rest.skip") : t("rest.dismiss")}
      </button>
      {/* Said once by screen readers, when the page signals the end (the clock itself is not live). */}
      <span role="status" className="visually-hidden">
        {state.signalled ? t("rest.announce") : ""}
      </span>
    </div>
  );
}
