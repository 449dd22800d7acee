import { useCallback, useMemo, useRef, useState } from "react";
import { suggestExercise, type ExerciseId } from "../../../shared/form";
import { useTranslation } from "../../i18n";
import { formatDecimal, formatNumber, formatUnit } from "../../i18n/format";
import { exerciseWord, formText } from "../form-words/words";
import type { PoseFrame } from "../../../shared/pose";
import { median } from "./automation";
import { judgeFrames } from "./judge-frames";
import { ExercisePicker, type ExerciseChoice } from "./ExercisePicker";
import { RepTable } from "./RepTable";
import { ViewAdvice } from "../form-words/ViewAdvice";
import { Timeline } from "./Timeline";
import { VideoOverlay } from "./VideoOverlay";
import type { AnalysisResult } from "./run-analysis";
import { LiveRegion } from "../form-words/LiveRegion";
import { SaveToLog } from "../train/SaveToLog";
import { ShareSet } from "../train/ShareSet";
import { usePlaybackAnnouncer } from "./use-playback-announcer";
import { FALLBACK_FPS } from "../../video/open-video";

const SEEK_INTO_FRAME_MS = 1;

function resolveExercise(choice: ExerciseChoice, frames: readonly PoseFrame[]): ExerciseId | null {
  if (choice === "none") return null;
  if (choice === "auto") return suggestExercise(frames.slice());
  return choice;
}

/** The analysed file: video with skeleton, timeline, and with an exercise the per-rep review. */
export function ResultView({
  result,
  url,
  exercise,
  onExercise,
}: {
  result: AnalysisResult;
  url: string;
  exercise: ExerciseChoice;
  onExercise: (choice: ExerciseChoice) => void;
}) {
  const { t } = useTranslation("analyze");
  const videoRef = useRef<HTMLVideoElement>(null);
  const [currentMs, setCurrentMs] = useState(0);
  const exerciseId = useMemo(() => resolveExercise(exercise, result.frames), [exercise, result.frames]);
  const review = useMemo(
    () => (exerciseId ? judgeFrames(result.frames, exerciseId) : null),
    [exerciseId, result.frames],
  );
  const announcer = usePlaybackAnnouncer(review, videoRef);
  const { onTime: announceAt } = announcer;
  const onTime = useCallback(
    (tMs: number) => {
      setCurrentMs(tMs);
      announceAt(tMs);
    },
    [announceAt],
  );
  // A millisecond into the frame, not onto its edge: a frame's time in seconds can round a hair
  // below the frame's own timestamp (an MP4's 1/30 s steps), and the video then shows the frame
  // before it.
  const seek = useCallback((tMs: number) => {
    if (videoRef.current) videoRef.current.currentTime = (Math.max(0, tMs) + SEEK_INTO_FRAME_MS) / 1000;
  }, []);
  const withPerson = result.frames.filter((f) => f.landmarks.length > 0).length;
  return (
    <div className="analysis-result">
      <p className="analysis-stats">
        <span data-testid="frames-analyzed">{formatNumber(result.frames.length)}</span>{" "}
        {t("result.framesAnalysed", { total: formatNumber(result.frameCount) })} ·{" "}
        {t("result.withPerson", { count: formatNumber(withPerson) })} ·{" "}
        {t("result.rate", { rate: formatDecimal(result.framesPerSecond, 1) })}
        {result.realtimeFactor !== null && (
          <>
            {" "}
            ·{" "}
            <span data-testid="realtime-factor">
              {formatNumber(result.realtimeFactor, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}×
            </span>{" "}
            {t("result.realtime")}
          </>
        )}{" "}
        ·{" "}
        {t("result.inference", {
          time: formatUnit(Math.round(median(result.inferenceMs) ?? 0), "millisecond", { digits: 0 }),
        })}{" "}
        · {t(`result.decoder.${result.decoder}`)} · {t(`result.model.${result.init.model}`)} ·{" "}
        <span data-testid="pose-workers">{result.workers}</span>{" "}
        {t("result.workers", { count: result.workers })}
      </p>
      {result.caveatCode && (
        <p className="muted">
          {t(`result.caveat.${result.caveatCode}`, { fps: formatNumber(FALLBACK_FPS) })}
        </p>
      )}
      <VideoOverlay
        url={url}
        kind={result.kind}
        frames={result.frames}
        verdicts={review?.verdicts ?? null}
        videoRef={videoRef}
        onTime={onTime}
      />
      <LiveRegion label={t("result.playbackRegion")} said={announcer.said} />
      {result.kind === "video" && (
        <Timeline
          frames={result.frames}
          review={review}
          durationMs={result.durationMs}
          currentMs={currentMs}
          onSeek={seek}
        />
      )}
      {result.kind === "video" && review && (
        <p className="muted">{t("result.chartKey", { metric: formText(`metric.${review.chartMetric}`) })}</p>
      )}
      <ExercisePicker value={exercise} onChange={onExercise} />
      {exercise === "auto" && (
        <p className="muted">
          {t("result.detected", { name: exerciseId ? exerciseWord(exerciseId) : t("result.noExercise") })}
        </p>
      )}
      {review && (
        <>
          <h2>
            <span data-testid="rep-count">{review.summary.reps}</span>{" "}
            {t("result.reps", { count: review.summary.reps })}
            {review.summary.averageScore !== null &&
              t("result.averageScore", { score: formatNumber(Math.round(review.summary.averageScore)) })}
          </h2>
          <ViewAdvice exerciseId={review.exerciseId} verdicts={review.verdicts} />
          <RepTable
            exerciseId={review.exerciseId}
            reps={review.summary.repResults}
            verdicts={review.verdicts}
            onSeek={seek}
          />
          <div className="analysis-actions">
            <SaveToLog summary={review.summary} />
            <ShareSet summary={review.summary} />
          </div>
        </>
      )}
    </div>
  );
}
