/**
 * Counts down whole seconds before a camera set, calling `onTick` with the seconds left (3, 2, 1)
 * and then 0. Resolves true when it reached 0, false as soon as `signal` aborts (Stop pressed).
 */
export function runCountdown(
  seconds: number,
  onTick: (secondsLeft: number) => void,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    let left = seconds;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onAbort = () => {
      if (timer !== null) clearTimeout(timer);
      resolve(false);
    };
    const tick = () => {
      onTick(left);
      if (left <= 0) {
        signal.removeEventListener("abort", onAbort);
        resolve(true);
        return;
      }
      left -= 1;
      timer = setTimeout(tick, 1000);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    tick();
  });
}
