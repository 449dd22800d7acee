import type { ExerciseDefinition, FrameFault, PositionRange } from "./exercise-types";
import { FaultTracker } from "./fault-tracker";
import type { Metrics } from "./metric-names";
import { SetFaultTally } from "./set-fault-tally";
import type { Cue, FaultId, Phase, View } from "./types";

/** The frame faults on one frame. */
export interface Judgement {
  /** Faults on, with their severity so far. */
  active: { id: FaultId; severity: number }[];
  /** Cues of faults that just switched on. */
  cues: Cue[];
  /** Faults that could be judged on this frame. */
  judged: FaultId[];
  /** Faults the view or visibility does not allow judging now. */
  unjudged: FaultId[];
}

/** Every measured range holds; an unmeasured optional one does not count against. */
export function inPosition(position: readonly PositionRange[] | undefined, metrics: Metrics): boolean {
  return (position ?? []).every((p) => {
    const value = metrics[p.metric];
    return value === undefined ? p.optional === true : value >= p.min && value <= p.max;
  });
}

/**
 * The judgement step: each of the exercise's frame faults tracked with its hysteresis, judged only
 * where the view, phase and progress allow, and tallied over the whole set.
 */
export class FaultJudge {
  private readonly trackers: FaultTracker[];
  private readonly tally = new SetFaultTally();

  constructor(private readonly def: ExerciseDefinition) {
    this.trackers = def.faults
      .filter((f): f is FrameFault => f.kind === "frame")
      .map((f) => new FaultTracker(f));
  }

  judge(tMs: number, metrics: Metrics, view: View | undefined, phase: Phase, progress: number): Judgement {
    const out: Judgement = { active: [], cues: [], judged: [], unjudged: [] };
    for (const tracker of this.trackers) {
      const spec = tracker.spec;
      const value = metrics[spec.metric];
      const viewOk = view !== undefined && spec.views.includes(view);
      const eligible = spec.phases.includes(phase) && progress >= spec.minProgress;
      if (!viewOk || (value === undefined && eligible)) {
        tracker.clear();
        if (!out.unjudged.includes(spec.id)) out.unjudged.push(spec.id);
        continue;
      }
      if (value === undefined || !eligible) {
        tracker.clear();
        continue;
      }
      out.judged.push(spec.id);
      if (tracker.update(value, tMs))
        out.cues.push({ faultId: spec.id, text: spec.cue, severity: tracker.peakSeverity });
      if (tracker.isActive) out.active.push({ id: spec.id, severity: tracker.peakSeverity });
    }
    for (const spec of this.def.faults) {
      if (spec.kind !== "rep") continue;
      const viewBlocks = view !== undefined && !spec.views.includes(view);
      // A rep fault read from a measure, not the range, cannot be judged while it is not measured
      // (a squat's depth before the person has been seen standing).
      const unmeasured = spec.metric !== "progress" && progress > 0 && metrics[spec.metric] === undefined;
      if ((viewBlocks || unmeasured) && !out.unjudged.includes(spec.id)) out.unjudged.push(spec.id);
    }
    this.tally.observe(
      tMs,
      out.judged,
      out.active.map((f) => f.id),
    );
    return out;
  }

  /** Out of position or out of sight: nothing is judged, and nothing is left half-on. */
  standDown(): Judgement {
    this.trackers.forEach((t) => t.clear());
    return { active: [], cues: [], judged: [], unjudged: [] };
  }

  /** Every fault of the exercise, for a frame on which none can be judged. */
  allUnjudged(): FaultId[] {
    return [...new Set(this.def.faults.map((f) => f.id))];
  }

  /** Faults on for a real share of the whole set. */
  heldFaults(): FaultId[] {
    return this.tally.held();
  }

  reset(): void {
    this.trackers.forEach((t) => t.clear());
    this.tally.reset();
  }
}
