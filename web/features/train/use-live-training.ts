import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Cue, ExerciseId, FrameVerdict, SetSummary } from "../../../shared/form";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseResult } from "../../pose/pose-types";
import { isMirrored, openCamera, toCameraError, type ResolutionId } from "./camera";
import { Coach, type ExerciseChoice } from "./coach";
import { LiveLoop } from "./live-loop";
import { drawSkeleton } from "./skeleton-draw";
import { silence, speakCue } from "./speech";
import { recordTrainTrace, resetTrainTrace } from "./train-trace";
import { FpsMeter } from "./fps-meter";

export interface ShownCue extends Cue {
  /** Camera time of the frame that raised it. */
  frameMs: number;
  spoken: boolean;
}

export interface LiveState {
  running: boolean;
  mirrored: boolean;
  error: string | null;
  exerciseId: ExerciseId | null;
  verdict: FrameVerdict | null;
  personInView: boolean;
  cues: ShownCue[];
  hud: { fps: number; inferenceMs: number; dropped: number };
  summary: SetSummary | null;
  /** The finished set's frame verdicts, from which the summary reads what each fault measured. */
  verdicts: readonly FrameVerdict[];
}

const IDLE: LiveState = {
  running: false,
  mirrored: true,
  error: null,
  exerciseId: null,
  verdict: null,
  personInView: true,
  cues: [],
  hud: { fps: 0, inferenceMs: 0, dropped: 0 },
  summary: null,
  verdicts: [],
};

const MAX_CUES_SHOWN = 5;

export interface LiveOptions {
  client: PoseClient | null;
  exercise: ExerciseChoice;
  cameraId: string | null;
  resolution: ResolutionId;
  soundOn: boolean;
}

/** The live set: camera, analysis loop, skeleton, coaching and the summary at the end. */
export function useLiveTraining({
  client,
  exercise,
  cameraId,
  resolution,
  soundOn: soundWanted,
}: LiveOptions) {
  const [state, setState] = useState<LiveState>(IDLE);
  const session = useRef<{ stream: MediaStream; loop: LiveLoop; coach: Coach } | null>(null);
  const soundOn = useRef(soundWanted);
  useEffect(() => {
    soundOn.current = soundWanted;
    if (!soundWanted) silence();
  }, [soundWanted]);

  const stop = useCallback(() => {
    const current = session.current;
    if (!current) return;
    session.current = null;
    current.loop.stop();
    for (const track of current.stream.getTracks()) track.stop();
    silence();
    setState((s) => ({
      ...s,
      running: false,
      summary: current.coach.summary(),
      verdicts: current.coach.verdicts,
    }));
  }, []);

  const start = useCallback(
    async (videoEl: HTMLVideoElement, canvasEl: HTMLCanvasElement) => {
      if (!client || session.current) return;
      setState({ ...IDLE, running: true });
      let stream: MediaStream;
      try {
        stream = await openCamera(cameraId, resolution);
      } catch (error) {
        setState({ ...IDLE, error: toCameraError(error).message });
        return;
      }
      videoEl.srcObject = stream;
      await videoEl.play();
      canvasEl.width = videoEl.videoWidth;
      canvasEl.height = videoEl.videoHeight;
      const coach = new Coach(exercise);
      const fps = new FpsMeter();
      const droppedAtStart = client.stats().dropped;
      resetTrainTrace();
      const onPose = (result: PoseResult, frameMs: number) => {
        drawSkeleton(canvasEl, result.landmarks);
        const update = coach.push({
          tMs: frameMs,
          landmarks: result.landmarks,
          worldLandmarks: result.worldLandmarks,
          imageAspect: result.imageAspect,
        });
        const spoken = update.spokenCue;
        if (spoken && soundOn.current) speakCue(spoken.text);
        recordTrainTrace(frameMs, result.landmarks, update.verdict?.reps ?? 0);
        canvasEl.dataset.frameMs = String(Math.round(frameMs));
        const newCues = update.shownCues.map((cue) => ({ ...cue, frameMs, spoken: cue === spoken }));
        const hud = {
          fps: fps.tick(frameMs),
          inferenceMs: result.timings.inferenceMs,
          dropped: client.stats().dropped - droppedAtStart,
        };
        // A transition: React may spread the render over frames instead of blocking one.
        startTransition(() =>
          setState((s) => ({
            ...s,
            exerciseId: update.exerciseId,
            verdict: update.verdict ?? s.verdict,
            personInView: result.landmarks.length > 0,
            cues: newCues.length > 0 ? [...newCues.reverse(), ...s.cues].slice(0, MAX_CUES_SHOWN) : s.cues,
            hud,
          })),
        );
      };
      const loop = new LiveLoop(videoEl, client, onPose, (error) => {
        stop();
        setState((s) => ({ ...s, error: `Analysis stopped: ${String(error)}` }));
      });
      session.current = { stream, loop, coach };
      setState((s) => ({ ...s, mirrored: isMirrored(stream) }));
      loop.start();
    },
    [client, exercise, cameraId, resolution, stop],
  );

  // Leaving the page ends the set and releases the camera.
  useEffect(() => stop, [stop]);

  return { state, start, stop };
}
