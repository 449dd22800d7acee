import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Cue, ExerciseId, FrameVerdict, SetSummary } from "../../../shared/form";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseResult } from "../../pose/pose-types";
import { FRESH_MEMORY, nextAnnouncement, repWords } from "../form-words/announce";
import { NOTHING_ANNOUNCED, type Announced } from "../form-words/LiveRegion";
import { cueWord, phaseWord } from "../form-words/words";
import { i18n } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { isMirrored, openCamera, toCameraError, type ResolutionId } from "./camera";
import type { Coach } from "./coach";
import type { ExerciseChoice } from "./exercise-choice";
import { runCountdown } from "./countdown";
import { buzz, HAPTIC } from "./haptics";
import { loadLiveEngine } from "./lazy-parts";
import type { LiveLoop } from "./live-loop";
import { silence, speakCue, speakNext } from "./speech";
import { recordTrainTrace, resetTrainTrace } from "./train-trace";
import { FpsMeter } from "./fps-meter";

export interface ShownCue extends Cue {
  /** Camera time of the frame that raised it. */
  frameMs: number;
  spoken: boolean;
}

export interface LiveState {
  running: boolean;
  /** Started, but the form engine or the pose worker's code is still arriving. */
  preparing: boolean;
  /** Seconds left before the set starts counting, while the countdown runs. */
  countdown: number | null;
  mirrored: boolean;
  error: string | null;
  exerciseId: ExerciseId | null;
  verdict: FrameVerdict | null;
  personInView: boolean;
  cues: ShownCue[];
  /** The latest words for the coaching live region: cues and, in quiet moments, phases. */
  said: Announced;
  hud: { fps: number; inferenceMs: number; dropped: number };
  summary: SetSummary | null;
  /** The finished set's frame verdicts, from which the summary reads what each fault measured. */
  verdicts: readonly FrameVerdict[];
}

const IDLE: LiveState = {
  running: false,
  preparing: false,
  countdown: null,
  mirrored: true,
  error: null,
  exerciseId: null,
  verdict: null,
  personInView: true,
  cues: [],
  said: NOTHING_ANNOUNCED,
  hud: { fps: 0, inferenceMs: 0, dropped: 0 },
  summary: null,
  verdicts: [],
};

const MAX_CUES_SHOWN = 5;

export interface LiveOptions {
  /** The pose client once its code is there; a set started before waits for it. */
  waitForClient: (signal: AbortSignal) => Promise<PoseClient>;
  exercise: ExerciseChoice;
  cameraId: string | null;
  resolution: ResolutionId;
  soundOn: boolean;
  countdownS: number;
}

/** One press of Start: everything it acquires, so Stop (or leaving) can release it at any step. */
interface Session {
  abort: AbortController;
  stream: MediaStream | null;
  loop: LiveLoop | null;
  coach: Coach | null;
}

const announce = (text: string) => (s: LiveState) => ({ ...s, said: { text, serial: s.said.serial + 1 } });

/** The live set: camera, countdown, analysis loop, skeleton, coaching and the summary at the end. */
export function useLiveTraining({
  waitForClient,
  exercise,
  cameraId,
  resolution,
  soundOn: soundWanted,
  countdownS,
}: LiveOptions) {
  const [state, setState] = useState<LiveState>(IDLE);
  const session = useRef<Session | null>(null);
  const soundOn = useRef(soundWanted);
  useEffect(() => {
    soundOn.current = soundWanted;
    if (!soundWanted) silence();
  }, [soundWanted]);

  const stop = useCallback(() => {
    const current = session.current;
    if (!current) return;
    session.current = null;
    // Also mid-prompt or mid-countdown: a camera granted after this is stopped the moment it arrives.
    current.abort.abort();
    current.loop?.stop();
    for (const track of current.stream?.getTracks() ?? []) track.stop();
    silence();
    const coach = current.coach;
    setState((s) => ({
      ...s,
      running: false,
      preparing: false,
      countdown: null,
      summary: coach ? coach.summary() : null,
      verdicts: coach ? coach.verdicts : [],
    }));
  }, []);

  const start = useCallback(
    async (videoEl: HTMLVideoElement, canvasEl: HTMLCanvasElement) => {
      if (session.current) return;
      const current: Session = { abort: new AbortController(), stream: null, loop: null, coach: null };
      const { signal } = current.abort;
      session.current = current;
      setState({ ...IDLE, running: true });
      // Arriving while the camera opens and the countdown runs; usually there long before.
      const parts = Promise.all([loadLiveEngine(), waitForClient(signal)]);
      parts.catch(() => undefined);
      try {
        current.stream = await openCamera(cameraId, resolution);
        if (signal.aborted) throw signal.reason;
        videoEl.srcObject = current.stream;
        await videoEl.play();
      } catch (error) {
        for (const track of current.stream?.getTracks() ?? []) track.stop();
        if (signal.aborted) return;
        session.current = null;
        setState({ ...IDLE, error: toCameraError(error).message });
        return;
      }
      setState((s) => ({ ...s, mirrored: isMirrored(current.stream!) }));
      const counted = await runCountdown(
        countdownS,
        (left) => {
          const words = left > 0 ? formatNumber(left) : i18n.t("train:live.go");
          if (soundOn.current && countdownS > 0) speakCue(words);
          setState((s) => (countdownS > 0 ? announce(words)({ ...s, countdown: left || null }) : s));
        },
        signal,
      );
      if (!counted) return;
      let engine: Awaited<ReturnType<typeof loadLiveEngine>>;
      let client: PoseClient;
      try {
        setState((s) => ({ ...s, preparing: true }));
        [engine, client] = await parts;
      } catch (error) {
        if (signal.aborted) return;
        stop();
        setState((s) => ({ ...s, error: i18n.t("train:errors.coachLoad", { message: String(error) }) }));
        return;
      }
      if (signal.aborted) return;
      setState((s) => ({ ...s, preparing: false }));
      const { Coach, LiveLoop, drawSkeleton } = engine;
      canvasEl.width = videoEl.videoWidth;
      canvasEl.height = videoEl.videoHeight;
      const coach = new Coach(exercise);
      const fps = new FpsMeter();
      const droppedAtStart = client.stats().dropped;
      let memory = FRESH_MEMORY;
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
        const spokenWords = spoken ? cueWord(update.exerciseId, spoken) : null;
        const reps = update.verdict?.reps ?? memory.reps;
        const repCounted = reps > memory.reps;
        if (spokenWords && soundOn.current) speakCue(spokenWords);
        else if (repCounted && soundOn.current) speakNext(repWords(reps));
        if (spoken) buzz(HAPTIC.cue);
        else if (repCounted) buzz(HAPTIC.rep);
        const phase = update.verdict?.phase;
        const step = nextAnnouncement(
          memory,
          { reps, phase: phase ? phaseWord(phase) : null, cue: spokenWords },
          frameMs,
        );
        memory = step.memory;
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
          setState((s) => {
            const next = {
              ...s,
              exerciseId: update.exerciseId,
              verdict: update.verdict ?? s.verdict,
              personInView: result.landmarks.length > 0,
              cues: newCues.length > 0 ? [...newCues.reverse(), ...s.cues].slice(0, MAX_CUES_SHOWN) : s.cues,
              hud,
            };
            return step.text ? announce(step.text)(next) : next;
          }),
        );
      };
      const loop = new LiveLoop(videoEl, client, onPose, (error) => {
        stop();
        setState((s) => ({
          ...s,
          error: i18n.t("train:errors.analysisStopped", { message: String(error) }),
        }));
      });
      current.coach = coach;
      current.loop = loop;
      loop.start();
    },
    [waitForClient, exercise, cameraId, resolution, countdownS, stop],
  );

  // Leaving the page ends the set and releases the camera, whatever step the set had reached.
  useEffect(() => stop, [stop]);

  return { state, start, stop };
}
