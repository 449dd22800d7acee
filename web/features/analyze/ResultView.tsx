import { useCallback, useMemo, useRef, useState } from "react";
import { suggestExercise, type ExerciseId } from "../../../shared/form";
import { exerciseName } from "../../../shared/form/labels";
import { metricLabel } from "../../../shared/form/metric-labels";
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
        <span data-testid="frames-analyzed">{result.frames.length}</span> of {result.frameCount} frames
        analysed · person on {withPerson} · {result.framesPerSecond.toFixed(1)} frames/s
        {result.realtimeFactor !== null && (
          <>
            {" "}
            · <span data-testid="realtime-factor">{result.realtimeFactor.toFixed(2)}×</span> real time
          </>
        )}{" "}
        · median inference {Math.round(median(result.inferenceMs) ?? 0)} ms · {result.decoder} ·{" "}
        {result.init.model} model · <span data-testid="pose-workers">{result.workers}</span> pose{" "}
        {result.workers === 1 ? "worker" : "workers"}
      </p>
      {result.caveat && <p className="muted">{result.caveat}</p>}
      <VideoOverlay
        url={url}
        kind={result.kind}
        frames={result.frames}
        verdicts={review?.verdicts ?? null}
        videoRef={videoRef}
        onTime={onTime}
      />
      <LiveRegion label="Playback coaching" said={announcer.said} />
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
        <p className="muted">
          Line: {metricLabel(review.chartMetric)} · bands: reps, amber with a fault · dots: rep scores
        </p>
      )}
      <ExercisePicker value={exercise} onChange={onExercise} />
      {exercise === "auto" && (
        <p className="muted">Detected: {exerciseId ? exerciseName(exerciseId) : "no exercise recognised"}</p>
      )}
      {review && (
        <>
          <h2>
            <span data-testid="rep-count">{review.summary.reps}</span> reps
            {review.summary.averageScore !== null && (
              <> · average score {Math.round(review.summary.averageScore)}</>
            )}
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
