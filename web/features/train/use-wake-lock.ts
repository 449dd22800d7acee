import { useEffect, useState } from "react";

/** Whether the screen is kept awake: shown on the page, so a person (and a test) can see it. */
export type WakeLockState = "off" | "held" | "released" | "unsupported" | "refused";

/**
 * Keeps the screen awake while `active` (a set runs): a phone must not dim mid-set. The browser
 * drops the lock whenever the page is hidden, so it is asked for again when the page shows again,
 * and released when the set ends or the page is left.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const [state, setState] = useState<WakeLockState>("off");
  const supported = "wakeLock" in navigator;
  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let ended = false;
    const onRelease = () => {
      if (!ended) setState("released");
    };
    const acquire = async () => {
      if (ended || document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const next = await navigator.wakeLock.request("screen");
        if (ended) {
          // The set ended while the browser was answering: give the lock straight back.
          await next.release();
          return;
        }
        sentinel = next;
        next.addEventListener("release", onRelease);
        setState("held");
      } catch (error) {
        // Battery saver or a policy can refuse it; the set still runs.
        console.warn("Screen wake lock refused", error);
        if (!ended) setState("refused");
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      ended = true;
      document.removeEventListener("visibilitychange", onVisibility);
      const held = sentinel;
      sentinel = null;
      if (held && !held.released) void held.release();
      setState("released");
    };
  }, [active, supported]);
  if (!supported) return active ? "unsupported" : "off";
  return state;
}
