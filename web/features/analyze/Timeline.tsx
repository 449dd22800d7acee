import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { FormReview } from "./judge-frames";
import { clockText, timelineKeyTarget } from "./timeline-keys";
import type { AnalysisFrame } from "./run-analysis";

const WIDTH = 1000;
const HEIGHT = 160;
const PAD = 8;

interface TimelineProps {
  frames: readonly AnalysisFrame[];
  review: FormReview | null;
  durationMs: number;
  currentMs: number;
  onSeek: (tMs: number) => void;
}

function metricPath(review: FormReview, x: (tMs: number) => number): string {
  const values = review.verdicts
    .map((v) => ({ tMs: v.tMs, value: v.metrics[review.chartMetric] }))
    .filter((p): p is { tMs: number; value: number } => p.value !== undefined && Number.isFinite(p.value));
  if (values.length === 0) return "";
  const min = Math.min(...values.map((p) => p.value));
  const max = Math.max(...values.map((p) => p.value));
  const span = max - min || 1;
  const y = (value: number) => HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  return values.map((p, i) => `${i ? "L" : "M"}${x(p.tMs).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
}

/**
 * The analysis over time, drawn as inline SVG: frames with a person (strip along the bottom), the
 * engine's rep metric (line), each rep as a band with its score (dot, 0 at the bottom to 100 at the
 * top; amber when the rep had a fault) and the playhead. Click to seek; by keyboard it is a slider
 * (arrows step a frame or a second, Page Up/Down go rep to rep, Home/End to the ends).
 */
export function Timeline({ frames, review, durationMs, currentMs, onSeek }: TimelineProps) {
  const { t } = useTranslation("analyze");
  const totalMs = Math.max(durationMs, frames.at(-1)?.tMs ?? 0, 1);
  const x = (tMs: number) => (tMs / totalMs) * WIDTH;
  const reps = review?.summary.repResults ?? [];
  const seek = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(((event.clientX - box.left) / box.width) * totalMs);
  };
  // Where the last key sent the playhead, until the video reports it there: keys pressed faster
  // than the video seeks go on from there, not from the old position.
  const pending = useRef<number | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [currentMs]);
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const frameTimes = frames.map((f) => f.tMs);
    const from = pending.current ?? currentMs;
    const target = timelineKeyTarget(event.key, event.shiftKey, from, frameTimes, reps, totalMs);
    if (target === null) return;
    event.preventDefault();
    pending.current = target;
    onSeek(target);
  };
  // A millisecond of slack: a seek to a rep's start may land a hair before it.
  const repNow = reps.find((r) => currentMs >= r.startMs - 1 && currentMs <= r.endMs);
  const where = repNow
    ? t("timeline.inRep", {
        rep: repNow.index + 1,
        reps: reps.length,
        score: formatNumber(Math.round(repNow.score)),
      })
    : "";
  const scoreY = (score: number) => HEIGHT - PAD - (score / 100) * (HEIGHT - 2 * PAD);
  return (
    <svg
      className="timeline"
      data-testid="timeline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="slider"
      tabIndex={0}
      aria-label={t("timeline.label", { frames: formatNumber(frames.length), count: reps.length })}
      aria-valuemin={0}
      aria-valuemax={Math.round(totalMs) / 1000}
      aria-valuenow={Math.round(currentMs) / 1000}
      aria-valuetext={t("timeline.position", { at: clockText(currentMs), total: clockText(totalMs) }) + where}
      onClick={seek}
      onKeyDown={onKey}
    >
      {reps.map((rep) => (
        <rect
          key={`band-${rep.index}`}
          className={rep.faults.length ? "rep-band faulty" : "rep-band"}
          x={x(rep.startMs)}
          y={0}
          width={Math.max(1, x(rep.endMs) - x(rep.startMs))}
          height={HEIGHT}
        />
      ))}
      {frames.map((frame, i) =>
        frame.landmarks.length ? null : (
          <rect key={`gap-${i}`} className="no-person" x={x(frame.tMs)} y={HEIGHT - 4} width={2} height={4} />
        ),
      )}
      {review && <path className="metric-line" d={metricPath(review, x)} />}
      {reps.map((rep) => (
        <circle
          key={`score-${rep.index}`}
          className={rep.faults.length ? "score-dot faulty" : "score-dot"}
          cx={x((rep.startMs + rep.endMs) / 2)}
          cy={scoreY(rep.score)}
          r={6}
        >
          <title>
            {t("timeline.dot", { rep: rep.index + 1, score: formatNumber(Math.round(rep.score)) })}
          </title>
        </circle>
      ))}
      <line className="playhead" x1={x(currentMs)} x2={x(currentMs)} y1={0} y2={HEIGHT} />
    </svg>
  );
}
