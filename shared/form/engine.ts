import type { PoseFrame } from "../pose/index";
import { BodyReader, type Reading } from "./body-reader";
import type { ExerciseDefinition, HoldExercise, RepExercise } from "./exercise-types";
import { EXERCISES } from "./exercises";
import { FaultJudge, inPosition, type Judgement } from "./fault-judge";
import { GAUGES, type Gauge } from "./gauges";
import type { Metrics } from "./metric-names";
import { RepAccumulator } from "./rep-accumulator";
import type { RepEvent } from "./rep-counter";
import { RepPhase } from "./rep-phase";
import type {
  AbstainReason,
  ExerciseId,
  FaultId,
  FormEngine,
  FormEngineOptions,
  FrameVerdict,
  RepResult,
  SetSummary,
  View,
} from "./types";

/** After this long without a usable pose, a rep in progress is dropped. */
const LOST_AFTER_MS = 1500;
/** Longest frame gap counted toward a hold. */
const MAX_HOLD_STEP_MS = 250;

/**
 * One set of one exercise. A frame's way through it, one module a step:
 * body (oriented, smoothed, measured: {@link BodyReader}) → phase ({@link RepPhase}, or the hold's
 * position) → gauges against the person's own start ({@link GAUGES}) → judgements
 * ({@link FaultJudge}) → rep result ({@link RepAccumulator}).
 */
class Engine implements FormEngine {
  private readonly reader: BodyReader;
  private readonly judge: FaultJudge;
  private readonly gauges: Gauge[];
  private readonly accumulator: RepAccumulator;
  private readonly phase: RepPhase | null;
  private lastSeenMs: number | null = null;
  private lastMs: number | null = null;
  private reps = 0;
  private partialReps = 0;
  private repResults: RepResult[] = [];
  private holdMs = 0;
  private goodFormHoldMs = 0;
  private holdFaultCounts: Partial<Record<FaultId, number>> = {};

  constructor(
    private readonly def: ExerciseDefinition,
    options: FormEngineOptions,
  ) {
    this.reader = new BodyReader(def, options.mirrored === true);
    this.judge = new FaultJudge(def);
    this.gauges = (def.gauges ?? []).map((id) => GAUGES[id]());
    this.accumulator = new RepAccumulator(def);
    this.phase = def.kind === "reps" ? new RepPhase(def) : null;
  }

  push(frame: PoseFrame): FrameVerdict {
    const dtMs = this.lastMs === null ? 0 : Math.max(0, frame.tMs - this.lastMs);
    this.lastMs = frame.tMs;
    const reading = this.reader.read(frame);
    if (!reading) return this.abstain(frame.tMs, "no_person", {});
    if (this.def.kind === "hold") return this.holdStep(this.def, frame, reading, dtMs);
    return this.repStep(this.def, this.phase as RepPhase, frame, reading);
  }

  summary(): SetSummary {
    this.closeLastRep();
    const full = this.repResults.filter((r) => !r.partial);
    const faultCounts = { ...this.holdFaultCounts };
    for (const rep of full) for (const f of rep.faults) faultCounts[f.id] = (faultCounts[f.id] ?? 0) + 1;
    const summary: SetSummary = {
      exerciseId: this.def.id,
      reps: this.reps,
      partialReps: this.partialReps,
      repResults: this.repResults.slice(),
      faultCounts,
      averageScore: full.length ? Math.round(full.reduce((s, r) => s + r.score, 0) / full.length) : null,
      heldFaults: this.judge.heldFaults(),
    };
    if (this.def.kind === "hold") {
      summary.holdMs = Math.round(this.holdMs);
      summary.goodFormHoldMs = Math.round(this.goodFormHoldMs);
    }
    return summary;
  }

  reset(): void {
    this.reader.reset();
    this.judge.reset();
    this.gauges.forEach((g) => g.reset());
    this.accumulator.clear();
    this.phase?.reset();
    this.lastSeenMs = null;
    this.lastMs = null;
    this.reps = 0;
    this.partialReps = 0;
    this.repResults = [];
    this.holdMs = 0;
    this.goodFormHoldMs = 0;
    this.holdFaultCounts = {};
  }

  private repStep(def: RepExercise, phases: RepPhase, frame: PoseFrame, reading: Reading): FrameVerdict {
    const { metrics, view } = reading;
    const tMs = frame.tMs;
    const value = metrics[def.signal.metric];
    if (value === undefined) return this.abstain(tMs, "low_visibility", metrics, view);
    if (view && !def.phaseViews.includes(view)) return this.abstain(tMs, "wrong_view", metrics, view);
    this.lastSeenMs = tMs;
    const placed = inPosition(def.position, metrics);
    const { progress, state, phase, event } = phases.step(value, tMs, placed);
    metrics.progress = progress;
    for (const gauge of this.gauges)
      gauge.apply({ frame, body: reading.body, metrics, tMs, state, progress });
    const judgement = placed ? this.judge.judge(tMs, metrics, view, phase, progress) : this.judge.standDown();
    if (state !== "start" || event) this.accumulator.observe(tMs, metrics, progress, judgement, view);
    else this.accumulator.clear();
    const faults = judgement.active.map((f) => f.id);
    if (event) this.finishRep(event, judgement, faults);
    return this.verdict(tMs, {
      phase,
      faults,
      unjudged: judgement.unjudged,
      confidence: this.viewFactor(view) * reading.seenShare,
      view,
      metrics,
      cues: judgement.cues,
    });
  }

  /** Records a finished rep; its rep-level faults join the frame's cues and faults. */
  private finishRep(event: RepEvent, judgement: Judgement, faults: FaultId[]): void {
    const { result, cues } = this.accumulator.finish(event, this.repResults.length);
    this.repResults.push(result);
    if (event.partial) this.partialReps++;
    else this.reps++;
    for (const cue of cues) {
      judgement.cues.push(cue);
      if (!faults.includes(cue.faultId)) faults.push(cue.faultId);
    }
  }

  /** Counts a last rep that was nearly back at the start when the set ended. */
  private closeLastRep(): void {
    const event = this.phase?.finishPending();
    if (!event) return;
    const { result } = this.accumulator.finish(event, this.repResults.length);
    this.repResults.push(result);
    if (event.partial) this.partialReps++;
    else this.reps++;
  }

  /**
   * A hold is timed while the person is in position, good form or bad (a bad plank is what there
   * is to coach): its time starts when the position is reached and stops when it is left.
   */
  private holdStep(def: HoldExercise, frame: PoseFrame, reading: Reading, dtMs: number): FrameVerdict {
    const { metrics, view } = reading;
    const tMs = frame.tMs;
    if (def.position.some((p) => !p.optional && metrics[p.metric] === undefined))
      return this.abstain(tMs, "low_visibility", metrics, view);
    if (view && !def.phaseViews.includes(view)) return this.abstain(tMs, "wrong_view", metrics, view);
    this.lastSeenMs = tMs;
    if (!inPosition(def.position, metrics)) {
      this.judge.standDown();
      return this.verdict(tMs, {
        faults: [],
        unjudged: [],
        confidence: reading.seenShare,
        view,
        metrics,
        cues: [],
      });
    }
    for (const gauge of this.gauges)
      gauge.apply({ frame, body: reading.body, metrics, tMs, state: "hold", progress: 1 });
    const { active, cues, unjudged } = this.judge.judge(tMs, metrics, view, "hold", 1);
    const stepMs = Math.min(dtMs, MAX_HOLD_STEP_MS);
    this.holdMs += stepMs;
    if (active.length === 0) this.goodFormHoldMs += stepMs;
    for (const cue of cues) this.holdFaultCounts[cue.faultId] = (this.holdFaultCounts[cue.faultId] ?? 0) + 1;
    metrics.holdMs = this.holdMs;
    return this.verdict(tMs, {
      phase: "hold",
      faults: active.map((f) => f.id),
      unjudged,
      confidence: this.viewFactor(view) * reading.seenShare,
      view,
      metrics,
      cues,
    });
  }

  private viewFactor(view: View | undefined): number {
    if (!view) return 0.6;
    return this.def.preferredViews.includes(view) ? 1 : 0.8;
  }

  private abstain(tMs: number, reason: AbstainReason, metrics: Metrics, view?: View): FrameVerdict {
    if (this.lastSeenMs !== null && tMs - this.lastSeenMs > LOST_AFTER_MS) {
      this.phase?.abandon();
      this.accumulator.clear();
      this.lastSeenMs = null;
    }
    this.judge.standDown();
    const unjudged = this.judge.allUnjudged();
    return this.verdict(tMs, { faults: [], unjudged, confidence: 0, reason, view, metrics, cues: [] });
  }

  private verdict(tMs: number, parts: Omit<FrameVerdict, "tMs" | "reps" | "partialReps">): FrameVerdict {
    const verdict: FrameVerdict = { tMs, reps: this.reps, partialReps: this.partialReps, ...parts };
    if (verdict.view === undefined) delete verdict.view;
    verdict.confidence = Math.round(verdict.confidence * 100) / 100;
    return verdict;
  }
}

/** Creates a form engine for one set of `exerciseId`. */
export function createFormEngine(exerciseId: ExerciseId, options: FormEngineOptions = {}): FormEngine {
  return new Engine(EXERCISES[exerciseId], options);
}
