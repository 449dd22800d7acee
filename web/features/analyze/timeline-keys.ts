import { formatNumber } from "../../i18n/format";
/** A rep's span on the timeline, in video time. */
export interface RepSpan {
  startMs: number;
  endMs: number;
}

/** Arrow keys move by this much with Shift held, and Up/Down always. */
export const TIMELINE_STEP_MS = 1000;

/**
 * Where a key press on the timeline moves the playhead, or null for a key it does not use.
 * Left/Right step one analysed frame, Up/Down (or Shift+Left/Right) a second, Page Up/Down to the
 * previous/next rep's start, Home/End to either end.
 */
export function timelineKeyTarget(
  key: string,
  shiftKey: boolean,
  currentMs: number,
  frameTimesMs: readonly number[],
  reps: readonly RepSpan[],
  totalMs: number,
): number | null {
  const clamp = (tMs: number) => Math.min(totalMs, Math.max(0, tMs));
  // Two milliseconds of slack: a seek lands a millisecond into a frame (ResultView), give or take
  // rounding; frames are never this close.
  const after = (times: readonly number[]) => times.find((t) => t > currentMs + 2);
  const before = (times: readonly number[]) => times.findLast((t) => t < currentMs - 2);
  switch (key) {
    case "ArrowRight":
      return clamp(shiftKey ? currentMs + TIMELINE_STEP_MS : (after(frameTimesMs) ?? totalMs));
    case "ArrowLeft":
      return clamp(shiftKey ? currentMs - TIMELINE_STEP_MS : (before(frameTimesMs) ?? 0));
    case "ArrowUp":
      return clamp(currentMs + TIMELINE_STEP_MS);
    case "ArrowDown":
      return clamp(currentMs - TIMELINE_STEP_MS);
    case "PageDown":
      return clamp(after(reps.map((r) => r.startMs)) ?? totalMs);
    case "PageUp":
      return clamp(before(reps.map((r) => r.startMs)) ?? 0);
    case "Home":
      return 0;
    case "End":
      return totalMs;
    default:
      return null;
  }
}

/** "0:03.2" ("0:03,2" in German): a video time as a person reads it. */
export function clockText(tMs: number): string {
  const tenths = Math.round(Math.max(0, tMs) / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = formatNumber((tenths % 600) / 10, {
    minimumIntegerDigits: 2,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return `${minutes}:${seconds}`;
}
