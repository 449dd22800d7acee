/** Vibration patterns (ms on, off, on): short for a counted rep, a double pulse for a cue. */
export const HAPTIC = { rep: [40], cue: [70, 50, 70] } as const;

/** Vibrates where the device can (phones); elsewhere does nothing. */
export function buzz(pattern: readonly number[]): void {
  if (typeof navigator.vibrate === "function") navigator.vibrate([...pattern]);
}
