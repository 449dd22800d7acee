import type { ExerciseDefinition, RepFault } from "./exercise-types";
import { metricEntries, type MetricName, type Metrics } from "./metric-names";
import type { RepEvent } from "./rep-counter";
import { scoreRep } from "./scoring";
import type { Cue, FaultId, RepResult, View } from "./types";

/** Frame faults on one frame: which could be judged, and which were on. */
export interface FrameFaults {
  active: readonly { id: FaultId; severity: number }[];
  judged: readonly FaultId[];
}

/** Collects what happens during one rep: metric extremes and faults seen. */
export class RepAccumulator {
  private max = new Map<MetricName, number>();
  private min = new Map<MetricName, number>();
  private faults = new Map<FaultId, number>();
  private activeMs = new Map<FaultId, number>();
  private judgedMs = new Map<FaultId, number>();
  private lastMs: number | null = null;
  private views = new Set<View>();
  private peakProgress = -Infinity;
  private atPeak: Metrics = {};

  constructor(private readonly def: ExerciseDefinition) {}

  /**
   * Records one frame inside the rep; peak angles are read on the frame of peak progress. `judged`
   * are the frame faults that could be judged on this frame, `active` those that were on.
   */
  observe(tMs: number, metrics: Metrics, progress: number, faults: FrameFaults, view?: View): void {
    const { active, judged } = faults;
    const dtMs = this.lastMs === null ? 0 : Math.min(MAX_STEP_MS, Math.max(0, tMs - this.lastMs));
    this.lastMs = tMs;
    for (const f of active) this.activeMs.set(f.id, (this.activeMs.get(f.id) ?? 0) + dtMs);
    for (const id of judged) this.judgedMs.set(id, (this.judgedMs.get(id) ?? 0) + dtMs);
    if (progress > this.peakProgress) {
      this.peakProgress = progress;
      this.atPeak = metrics;
    }
    for (const [name, value] of metricEntries(metrics)) {
      this.max.set(name, Math.max(this.max.get(name) ?? -Infinity, value));
      this.min.set(name, Math.min(this.min.get(name) ?? Infinity, value));
    }
    for (const f of active) this.faults.set(f.id, Math.max(this.faults.get(f.id) ?? 0, f.severity));
    if (view) this.views.add(view);
  }

  /** Turns the rep into a result and the cues its rep-level faults raise. */
  finish(event: RepEvent, index: number): { result: RepResult; cues: Cue[] } {
    const cues: Cue[] = [];
    const repCues = new Set<FaultId>();
    const extremes = { max: this.max, min: this.min, atPeak: new Map(metricEntries(this.atPeak)) };
    for (const spec of this.def.faults) {
      if (spec.kind !== "rep" || !this.judgeable(spec) || event.partial) continue;
      const value = spec.metric === "progress" ? event.peakProgress : extremes[spec.extreme].get(spec.metric);
      if (value === undefined) continue;
      const excess = spec.direction === "below" ? spec.threshold - value : value - spec.threshold;
      if (excess <= 0) continue;
      const severity = Math.min(1, 0.5 + (0.5 * excess) / spec.severitySpan);
      this.faults.set(spec.id, severity);
      repCues.add(spec.id);
      cues.push({ faultId: spec.id, text: spec.cue, severity });
    }
    const lasting = [...this.faults].filter(([id]) => repCues.has(id) || this.sustained(id));
    const faults = lasting.map(([id, severity]) => ({ id, severity: round2(severity) }));
    const romRatio = round2(event.peakProgress);
    const { score, breakdown } = scoreRep(romRatio, faults, event.endMs - event.startMs);
    const peakAngles: Record<string, number> = {};
    for (const name of this.def.peakMetrics) {
      const value = this.atPeak[name];
      if (value !== undefined) peakAngles[name] = round2(value);
    }
    const result: RepResult = {
      index,
      startMs: event.startMs,
      endMs: event.endMs,
      partial: event.partial,
      tempoMs: event.tempoMs,
      romRatio,
      peakAngles,
      faults,
      score,
      scoreBreakdown: breakdown,
    };
    this.clear();
    return { result, cues };
  }

  clear(): void {
    this.max = new Map();
    this.min = new Map();
    this.faults = new Map();
    this.activeMs = new Map();
    this.judgedMs = new Map();
    this.lastMs = null;
    this.views = new Set();
    this.peakProgress = -Infinity;
    this.atPeak = {};
  }

  /**
   * A frame fault counts against the rep only when it held for a real share of the time it could
   * be judged: a noise spike of a few frames is not a fault of the rep.
   */
  private sustained(id: FaultId): boolean {
    const activeMs = this.activeMs.get(id) ?? 0;
    const judgedMs = this.judgedMs.get(id) ?? 0;
    const spec = this.def.faults.find((f) => f.id === id && f.kind === "frame");
    const share = (spec?.kind === "frame" ? spec.repShare : undefined) ?? REP_FAULT_MIN_SHARE;
    return activeMs >= REP_FAULT_MIN_MS && activeMs >= share * judgedMs;
  }

  private judgeable(spec: RepFault): boolean {
    return [...this.views].some((v) => spec.views.includes(v));
  }
}

/** A frame fault must last this long within a rep to be held against the rep. */
const REP_FAULT_MIN_MS = 120;
/** …and for at least this share of the time it was judged within the rep. */
const REP_FAULT_MIN_SHARE = 0.2;
const MAX_STEP_MS = 250;

const round2 = (x: number): number => Math.round(x * 100) / 100;
