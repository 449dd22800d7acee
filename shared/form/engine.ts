import { BodySmoother, swapSides, toBodyPoints, type BodyPoints, type PoseFrame } from "../pose/index";
import { Baselines } from "./baselines";
import type { ExerciseDefinition, FrameFault, PhaseSignal, PositionRange } from "./exercise-types";
import { EXERCISES } from "./exercises";
import { FaultTracker } from "./fault-tracker";
import { measure, type Metrics } from "./features";
import { HeelRiseGauge, measureFeetInImage } from "./heel-height";
import { HingeTracker } from "./hinge-tracker";
import { RepAccumulator } from "./rep-accumulator";
import { RepCounter } from "./rep-counter";
import { SetFaultTally } from "./set-fault-tally";
import type {
  AbstainReason,
  Cue,
  ExerciseId,
  FaultId,
  FormEngine,
  FormEngineOptions,
  FrameVerdict,
  Phase,
  RepResult,
  SetSummary,
  View,
} from "./types";
import { ViewTracker } from "./view";

/** After this long without a usable pose, a rep in progress is dropped. */
const LOST_AFTER_MS = 1500;
/** Out of the exercise's position this long, a rep under way ends as a partial one. */
const LEAVE_POSITION_MS = 300;
/** Longest frame gap counted toward a hold. */
const MAX_HOLD_STEP_MS = 250;
const START_LEARN_MS = 1200;
const START_CATCH_UP_MS = 250;
/** Progress band that separates the start position from moving, for the reported phase. */
const AT_START_ENTER = 0.125;
const AT_START_EXIT = 0.15;

class Engine implements FormEngine {
  private readonly smoother = new BodySmoother();
  private readonly imageSmoother = new BodySmoother();
  private readonly viewTracker = new ViewTracker();
  private readonly baselines = new Baselines();
  private readonly heelRise = new HeelRiseGauge();
  private readonly hinge = new HingeTracker();
  private readonly tally = new SetFaultTally();
  private counter: RepCounter | null;
  private trackers: FaultTracker[];
  private readonly accumulator: RepAccumulator;
  private startValue: number | null = null;
  private lastLearnMs: number | null = null;
  private atStartFlag = true;
  private lastSeenMs: number | null = null;
  private leftPositionMs: number | null = null;
  private lastMs: number | null = null;
  private reps = 0;
  private partialReps = 0;
  private repResults: RepResult[] = [];
  private holdMs = 0;
  private goodFormHoldMs = 0;
  private holdFaultCounts: Record<FaultId, number> = {};

  constructor(
    private readonly def: ExerciseDefinition,
    private readonly options: FormEngineOptions,
  ) {
    this.counter = def.reps ? new RepCounter(def.reps) : null;
    this.trackers = this.frameFaults().map((f) => new FaultTracker(f));
    this.accumulator = new RepAccumulator(def);
  }

  push(frame: PoseFrame): FrameVerdict {
    const dtMs = this.lastMs === null ? 0 : Math.max(0, frame.tMs - this.lastMs);
    this.lastMs = frame.tMs;
    const raw = toBodyPoints(frame);
    if (!raw) return this.abstain(frame.tMs, "no_person", {});
    const body = this.smoother.push(this.orient(raw), frame.tMs);
    const view = this.viewTracker.update(body);
    const metrics = measure(body);
    if (raw.metric && this.def.elbowsInImage) this.measureArmsInImage(frame, view, metrics);
    measureFeetInImage(frame, metrics);
    const confidence = visibleShare(body.visible);
    if (this.def.kind === "hold") return this.holdStep(frame.tMs, dtMs, metrics, view, confidence);
    return this.repStep(frame.tMs, metrics, view, confidence);
  }

  private orient(raw: BodyPoints): BodyPoints {
    if (!this.options.mirrored) return raw;
    return {
      ...raw,
      points: swapSides(raw.points),
      visible: swapSides(raw.visible),
      visibility: swapSides(raw.visibility),
    };
  }

  /**
   * Seen from the side, arms that bend front to back bend in the image plane, so the image
   * measures their angles truly, while MediaPipe's world landmarks compress them (a full curl read
   * ~80 degrees at the top from world points, ~58 from the image, 45 in truth; a pressed-out arm
   * read 135 from world points, 158 from the image).
   */
  private measureArmsInImage(frame: PoseFrame, view: View | undefined, metrics: Metrics): void {
    const imageRaw = toBodyPoints({ ...frame, worldLandmarks: undefined });
    if (!imageRaw) return;
    const imageBody = this.imageSmoother.push(this.orient(imageRaw), frame.tMs);
    const image = measure(imageBody);
    if (this.def.elbowsInImage === "straightest") {
      // A press bends the elbows across the body: seen from the side that bend is in depth, where
      // the image would show a bent arm straight, so there only the world reading counts.
      const imageMax = view === "side" ? undefined : image.elbowMaxDeg;
      const straightest = Math.max(metrics.elbowMaxDeg ?? -Infinity, imageMax ?? -Infinity);
      if (Number.isFinite(straightest)) metrics.elbowStraightDeg = straightest;
      return;
    }
    if (view !== "side") return;
    for (const key of ["elbowDeg", "elbowMinDeg", "elbowMaxDeg"]) {
      const value = image[key];
      if (value !== undefined) metrics[key] = value;
    }
  }

  summary(): SetSummary {
    this.closeLastRep();
    const full = this.repResults.filter((r) => !r.partial);
    const faultCounts: Record<FaultId, number> = { ...this.holdFaultCounts };
    for (const rep of full) for (const f of rep.faults) faultCounts[f.id] = (faultCounts[f.id] ?? 0) + 1;
    const summary: SetSummary = {
      exerciseId: this.def.id,
      reps: this.reps,
      partialReps: this.partialReps,
      repResults: this.repResults.slice(),
      faultCounts,
      averageScore: full.length ? Math.round(full.reduce((s, r) => s + r.score, 0) / full.length) : null,
      heldFaults: this.tally.held(),
    };
    if (this.def.kind === "hold") {
      summary.holdMs = Math.round(this.holdMs);
      summary.goodFormHoldMs = Math.round(this.goodFormHoldMs);
    }
    return summary;
  }

  /** Counts a last rep that was nearly back at the start when the set ended. */
  private closeLastRep(): void {
    const event = this.counter?.finishPending();
    if (!event) return;
    const { result } = this.accumulator.finish(event, this.repResults.length);
    this.repResults.push(result);
    if (event.partial) this.partialReps++;
    else this.reps++;
  }

  reset(): void {
    this.smoother.reset();
    this.imageSmoother.reset();
    this.viewTracker.reset();
    this.baselines.reset();
    this.heelRise.reset();
    this.hinge.reset();
    this.tally.reset();
    this.counter = this.def.reps ? new RepCounter(this.def.reps) : null;
    this.trackers = this.frameFaults().map((f) => new FaultTracker(f));
    this.accumulator.clear();
    this.startValue = null;
    this.lastLearnMs = null;
    this.atStartFlag = true;
    this.lastSeenMs = null;
    this.leftPositionMs = null;
    this.lastMs = null;
    this.reps = 0;
    this.partialReps = 0;
    this.repResults = [];
    this.holdMs = 0;
    this.goodFormHoldMs = 0;
    this.holdFaultCounts = {};
  }

  private frameFaults(): FrameFault[] {
    return this.def.faults.filter((f): f is FrameFault => f.kind === "frame");
  }

  private repStep(tMs: number, metrics: Metrics, view: View | undefined, confidence: number): FrameVerdict {
    const signal = this.def.signal as PhaseSignal;
    const value = metrics[signal.metric];
    if (value === undefined) return this.abstain(tMs, "low_visibility", metrics, view);
    if (view && !this.def.phaseViews.includes(view)) return this.abstain(tMs, "wrong_view", metrics, view);
    this.lastSeenMs = tMs;
    const counter = this.counter as RepCounter;
    const placed = inPosition(this.def.position ?? [], metrics);
    const progress = this.progressOf(value, signal, tMs, placed && counter.current === "start");
    metrics.progress = progress;
    const event = this.countStep(counter, progress, tMs, placed);
    const state: Phase = counter.current ?? "start";
    const phase = this.reportedPhase(state, progress);
    this.baselines.apply(metrics, tMs, state === "start");
    this.heelRise.apply(metrics, tMs, state === "start");
    this.hinge.apply(metrics, state, progress);
    const { active, cues, unjudged, judged } = placed
      ? this.judgeFaults(tMs, metrics, view, phase, progress)
      : this.notInPosition();
    const verdictFaults = active.map((f) => f.id);
    this.tally.observe(tMs, judged, verdictFaults);
    if (state !== "start" || event)
      this.accumulator.observe(tMs, metrics, progress, { active, judged }, view);
    if (event) {
      const { result, cues: repCues } = this.accumulator.finish(event, this.repResults.length);
      this.repResults.push(result);
      if (event.partial) this.partialReps++;
      else this.reps++;
      for (const cue of repCues) {
        cues.push(cue);
        if (!verdictFaults.includes(cue.faultId)) verdictFaults.push(cue.faultId);
      }
    } else if (state === "start") {
      this.accumulator.clear();
    }
    return this.verdict(tMs, {
      phase,
      faults: verdictFaults,
      unjudged,
      confidence: this.viewFactor(view) * confidence,
      view,
      metrics,
      cues,
    });
  }

  private holdStep(
    tMs: number,
    dtMs: number,
    metrics: Metrics,
    view: View | undefined,
    confidence: number,
  ): FrameVerdict {
    const position = this.def.position ?? [];
    if (position.some((p) => !p.optional && metrics[p.metric] === undefined))
      return this.abstain(tMs, "low_visibility", metrics, view);
    if (view && !this.def.phaseViews.includes(view)) return this.abstain(tMs, "wrong_view", metrics, view);
    this.lastSeenMs = tMs;
    if (!inPosition(position, metrics)) {
      this.trackers.forEach((t) => t.clear());
      return this.verdict(tMs, { faults: [], unjudged: [], confidence, view, metrics, cues: [] });
    }
    const { active, cues, unjudged, judged } = this.judgeFaults(tMs, metrics, view, "hold", 1);
    this.tally.observe(
      tMs,
      judged,
      active.map((f) => f.id),
    );
    const stepMs = Math.min(dtMs, MAX_HOLD_STEP_MS);
    this.holdMs += stepMs;
    if (active.length === 0) this.goodFormHoldMs += stepMs;
    for (const cue of cues) this.holdFaultCounts[cue.faultId] = (this.holdFaultCounts[cue.faultId] ?? 0) + 1;
    metrics.holdMs = this.holdMs;
    return this.verdict(tMs, {
      phase: "hold",
      faults: active.map((f) => f.id),
      unjudged,
      confidence: this.viewFactor(view) * confidence,
      view,
      metrics,
      cues,
    });
  }

  /**
   * Progress 0..1+ from the start value to the exercise target. The start value is the person's
   * own: taken from their first frames (people begin in the start position), then refined while
   * they are at the start, and pulled quickly to any more extreme start-side value.
   */
  private progressOf(value: number, signal: PhaseSignal, tMs: number, atStart: boolean): number {
    const towardTarget = Math.sign(signal.targetValue - signal.startValue);
    const lo = signal.startValue - 2 * signal.startTolerance;
    const hi = signal.startValue + 2 * signal.startTolerance;
    const clamped = Math.min(hi, Math.max(lo, value));
    this.startValue ??= clamped;
    const beyondStart = (clamped - this.startValue) * towardTarget < 0;
    const dtMs = this.lastSeenStep(tMs);
    if (atStart || beyondStart) {
      const timeConstant = beyondStart ? START_CATCH_UP_MS : START_LEARN_MS;
      this.startValue += (1 - Math.exp(-dtMs / timeConstant)) * (clamped - this.startValue);
    }
    const progress = (value - this.startValue) / (signal.targetValue - this.startValue);
    return Math.max(0, progress);
  }

  private lastSeenStep(tMs: number): number {
    const dtMs = this.lastLearnMs === null ? 0 : Math.max(0, tMs - this.lastLearnMs);
    this.lastLearnMs = tMs;
    return dtMs;
  }

  /**
   * Feeds the counter while the person is in the exercise's position. Out of it the count stands
   * still, and once they have been out for {@link LEAVE_POSITION_MS} a rep under way ends as a
   * partial one: sitting down, kneeling or dropping into a push-up set-up is not a rep.
   */
  private countStep(counter: RepCounter, progress: number, tMs: number, placed: boolean) {
    if (placed) {
      this.leftPositionMs = null;
      return counter.push(progress, tMs);
    }
    this.leftPositionMs ??= tMs;
    if (tMs - this.leftPositionMs < LEAVE_POSITION_MS) return null;
    return counter.interrupt(tMs);
  }

  /** Out of the exercise's position nothing is judged, and nothing is left half-on. */
  private notInPosition() {
    this.trackers.forEach((t) => t.clear());
    return { active: [], cues: [] as Cue[], unjudged: [] as FaultId[], judged: [] as FaultId[] };
  }

  private judgeFaults(tMs: number, metrics: Metrics, view: View | undefined, phase: Phase, progress: number) {
    const active: { id: FaultId; severity: number }[] = [];
    const cues: Cue[] = [];
    const unjudged: FaultId[] = [];
    const judged: FaultId[] = [];
    for (const tracker of this.trackers) {
      const spec = tracker.spec;
      const value = metrics[spec.metric];
      const viewOk = view !== undefined && spec.views.includes(view);
      const eligible = spec.phases.includes(phase) && progress >= spec.minProgress;
      if (!viewOk || (value === undefined && eligible)) {
        tracker.clear();
        if (!unjudged.includes(spec.id)) unjudged.push(spec.id);
        continue;
      }
      if (value === undefined || !eligible) {
        tracker.clear();
        continue;
      }
      judged.push(spec.id);
      if (tracker.update(value, tMs))
        cues.push({ faultId: spec.id, text: spec.cue, severity: tracker.peakSeverity });
      if (tracker.isActive) active.push({ id: spec.id, severity: tracker.peakSeverity });
    }
    for (const spec of this.def.faults) {
      if (spec.kind === "rep" && view !== undefined && !spec.views.includes(view)) unjudged.push(spec.id);
    }
    return { active, cues, unjudged, judged };
  }

  /**
   * The phase shown per frame. The counter's wide hysteresis keeps counting safe from jitter, but
   * would call someone "standing" for a while after they begin to move; so the line between the
   * start position and moving is drawn here at one point of progress with only a narrow band.
   */
  private reportedPhase(state: Phase, progress: number): Phase {
    if (state === "end" || state === "hold") return state;
    const band = this.atStartFlag ? AT_START_EXIT : AT_START_ENTER;
    this.atStartFlag = progress < band;
    if (this.atStartFlag) return "start";
    return state === "start" ? "away" : state;
  }

  private viewFactor(view: View | undefined): number {
    if (!view) return 0.6;
    return this.def.preferredViews.includes(view) ? 1 : 0.8;
  }

  private abstain(tMs: number, reason: AbstainReason, metrics: Metrics, view?: View): FrameVerdict {
    if (this.lastSeenMs !== null && tMs - this.lastSeenMs > LOST_AFTER_MS) {
      this.counter?.abandon();
      this.accumulator.clear();
      this.lastSeenMs = null;
    }
    this.trackers.forEach((t) => t.clear());
    const unjudged = this.def.faults.map((f) => f.id).filter((id, i, all) => all.indexOf(id) === i);
    return this.verdict(tMs, { faults: [], unjudged, confidence: 0, reason, view, metrics, cues: [] });
  }

  private verdict(tMs: number, parts: Omit<FrameVerdict, "tMs" | "reps" | "partialReps">): FrameVerdict {
    const verdict: FrameVerdict = { tMs, reps: this.reps, partialReps: this.partialReps, ...parts };
    if (verdict.view === undefined) delete verdict.view;
    verdict.confidence = Math.round(verdict.confidence * 100) / 100;
    return verdict;
  }
}

/** Every measured range holds; an unmeasured optional one does not count against. */
function inPosition(position: readonly PositionRange[], metrics: Metrics): boolean {
  return position.every((p) => {
    const value = metrics[p.metric];
    return value === undefined ? p.optional === true : value >= p.min && value <= p.max;
  });
}

const KEY_LANDMARKS = [11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28];

/** Share of the key joints visible; a side view hides a quarter of them, which is still fine. */
function visibleShare(visible: readonly boolean[]): number {
  const seen = KEY_LANDMARKS.filter((i) => visible[i]).length / KEY_LANDMARKS.length;
  return Math.min(1, seen / 0.75);
}

/** Creates a form engine for one set of `exerciseId`. */
export function createFormEngine(exerciseId: ExerciseId, options: FormEngineOptions = {}): FormEngine {
  return new Engine(EXERCISES[exerciseId], options);
}
