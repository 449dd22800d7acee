import {
  CuePolicy,
  createFormEngine,
  suggestExercise,
  type Cue,
  type ExerciseId,
  type FormEngine,
  type FrameVerdict,
  type SetSummary,
} from "../../../shared/form";
import type { PoseFrame } from "../../../shared/pose";
import type { ExerciseChoice } from "./exercise-choice";

/** What the coach says about the latest frame. */
export interface CoachUpdate {
  exerciseId: ExerciseId | null;
  verdict: FrameVerdict | null;
  /** Cues the engine raised on this frame (all are shown). */
  shownCues: Cue[];
  /** The one cue the policy lets through to be spoken now, if any. */
  spokenCue: Cue | null;
}

// Frames kept while "auto" decides, then replayed into the chosen exercise's engine.
const MAX_AUTO_FRAMES = 300;
// How often "auto" retries a suggestion while it collects frames.
const AUTO_RETRY_EVERY_FRAMES = 15;

/**
 * One set's coaching: feeds frames to the form engine (picking the exercise first when "auto"),
 * and filters the engine's cues through the cue policy so speech neither nags nor talks over itself.
 */
export class Coach {
  private engine: FormEngine | null = null;
  private exercise: ExerciseId | null = null;
  private readonly pending: PoseFrame[] = [];
  private readonly policy = new CuePolicy();
  /** Every verdict of the set, so the summary can say what each fault measured. */
  readonly verdicts: FrameVerdict[] = [];

  constructor(choice: ExerciseChoice) {
    if (choice !== "auto") this.choose(choice);
  }

  get exerciseId(): ExerciseId | null {
    return this.exercise;
  }

  push(frame: PoseFrame): CoachUpdate {
    if (!this.engine) return this.collect(frame);
    const verdict = this.engine.push(frame);
    this.verdicts.push(verdict);
    const spokenCue = this.policy.offer(verdict.cues, verdict.tMs, verdict.confidence);
    return { exerciseId: this.exercise, verdict, shownCues: verdict.cues, spokenCue };
  }

  /** The set so far; null while "auto" has not yet recognised the exercise. */
  summary(): SetSummary | null {
    return this.engine?.summary() ?? null;
  }

  private choose(exerciseId: ExerciseId): void {
    this.exercise = exerciseId;
    this.engine = createFormEngine(exerciseId);
  }

  private collect(frame: PoseFrame): CoachUpdate {
    if (frame.landmarks.length > 0) this.pending.push(frame);
    if (this.pending.length > MAX_AUTO_FRAMES) this.pending.shift();
    const idle: CoachUpdate = { exerciseId: null, verdict: null, shownCues: [], spokenCue: null };
    if (this.pending.length % AUTO_RETRY_EVERY_FRAMES !== 0) return idle;
    const suggested = suggestExercise(this.pending);
    if (!suggested) return idle;
    this.choose(suggested);
    // Replaying the frames seen while deciding keeps the reps already done.
    let last: FrameVerdict | null = null;
    for (const seen of this.pending.splice(0)) {
      last = this.engine?.push(seen) ?? null;
      if (last) this.verdicts.push(last);
    }
    return { exerciseId: suggested, verdict: last, shownCues: [], spokenCue: null };
  }
}
