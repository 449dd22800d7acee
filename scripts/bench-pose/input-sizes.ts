// `npm run bench:pose -- --input-sizes`: how far landmarks move when the frame is scaled down
// before MediaPipe sees it, against the full-size frame, on the real clips. Picks
// MODEL_INPUT_SHORT_SIDE_PX (web/pose/capture.ts).
import type { Browser } from "playwright-core";
import { quantile } from "../../web/pose/percentiles.ts";
import { loadBare, openBarePage, posesBySize, type PixelPose } from "./bare-page.ts";
import { frameTimes, type RealClip } from "./real-clips.ts";

export const STUDY_SHORT_SIDES = [0, 360, 288, 256, 224, 192, 160];

export interface SizeFigures {
  /** Per-frame mean landmark distance from the full-size result, % of the torso (median, p95). */
  errorP50PctTorso: number | null;
  errorP95PctTorso: number | null;
  /** Frames with a person at full size but none at this size. */
  missedFrames: number;
  frames: number;
}

const VISIBLE = 0.5;
const mid = (a: [number, number, number], b: [number, number, number]) => [
  (a[0] + b[0]) / 2,
  (a[1] + b[1]) / 2,
];

/** Mean distance over landmarks visible at full size, as a share of shoulder-mid to hip-mid. */
export function frameError(full: NonNullable<PixelPose>, scaled: NonNullable<PixelPose>): number | null {
  const [ls, rs, lh, rh] = [full[11], full[12], full[23], full[24]];
  if (!ls || !rs || !lh || !rh) return null;
  const [sx = 0, sy = 0] = mid(ls, rs);
  const [hx = 0, hy = 0] = mid(lh, rh);
  const torsoPx = Math.hypot(sx - hx, sy - hy);
  const distances = full.flatMap(([x, y, v], i) => {
    const other = scaled[i];
    return v >= VISIBLE && other ? [Math.hypot(x - other[0], y - other[1])] : [];
  });
  if (torsoPx < 1 || distances.length === 0) return null;
  return distances.reduce((a, b) => a + b, 0) / distances.length / torsoPx;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Runs every clip at every short side; returns figures per clip and side, and over all clips. */
export async function studyInputSizes(
  browser: Browser,
  origin: string,
  clips: RealClip[],
  framesPerClip: number,
  log: (line: string) => void,
): Promise<Record<string, Record<string, SizeFigures>>> {
  const page = await openBarePage(browser, origin);
  const errors = new Map<string, Map<number, number[]>>();
  const missed = new Map<string, Map<number, number>>();
  for (const clip of clips) {
    log(`input sizes: ${clip.name} (${clip.widthPx}×${clip.heightPx}), ${framesPerClip} frames…`);
    await loadBare(page, clip.url, STUDY_SHORT_SIDES);
    const poses = await posesBySize(page, frameTimes(clip, framesPerClip));
    const full = poses[0] ?? [];
    for (const side of STUDY_SHORT_SIDES.slice(1)) {
      const scaled = poses[side] ?? [];
      for (const key of [clip.name, "all"]) {
        const e = errors.get(key) ?? new Map<number, number[]>();
        const m = missed.get(key) ?? new Map<number, number>();
        errors.set(key, e);
        missed.set(key, m);
        full.forEach((f, i) => {
          if (!f) return;
          const s = scaled[i];
          if (!s) return void m.set(side, (m.get(side) ?? 0) + 1);
          const err = frameError(f, s);
          if (err !== null) (e.get(side) ?? e.set(side, []).get(side)!).push(err);
        });
      }
    }
  }
  await page.context().close();
  const out: Record<string, Record<string, SizeFigures>> = {};
  for (const [key, bySide] of errors) {
    out[key] = {};
    for (const side of STUDY_SHORT_SIDES.slice(1)) {
      const list = bySide.get(side) ?? [];
      out[key][`${side}px`] = {
        errorP50PctTorso: pct(quantile(list, 0.5)),
        errorP95PctTorso: pct(quantile(list, 0.95)),
        missedFrames: missed.get(key)?.get(side) ?? 0,
        frames: list.length,
      };
    }
  }
  return out;
}
