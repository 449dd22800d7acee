import { describe, expect, it } from "vitest";
import { EXERCISE_IDS, EXERCISES } from "./exercises";
import { exerciseName, FAULT_LABELS, faultLabel, faultLimit, faultWhy } from "./labels";
import { formatMetric, formatMetricValue, METRIC_LABELS } from "./metric-labels";

/** Every metric a person can be shown: rep peaks, fault measures, phase signals, positions. */
function shownMetrics(): Set<string> {
  const names = new Set<string>();
  for (const def of Object.values(EXERCISES)) {
    for (const name of def.peakMetrics) names.add(name);
    if (def.signal) names.add(def.signal.metric);
    // Faults, position ranges and any list the definitions gain that names a metric: read
    // generically, as the engine's definitions are being reshaped.
    for (const list of Object.values(def)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as unknown[]) {
        if (typeof item === "object" && item !== null && "metric" in item && typeof item.metric === "string")
          names.add(item.metric);
      }
    }
  }
  return names;
}

// Words a person reads: no snake_case ids and no camelCase metric keys.
const LOOKS_LIKE_AN_ID = /_|[a-z][A-Z]/;

describe("labels cover what the engine defines", () => {
  // A failure here lists exactly the ids to add to labels.ts / metric-labels.ts.
  it("every fault id of every exercise has a plain label", () => {
    const missing = Object.values(EXERCISES).flatMap((def) =>
      def.faults.filter((f) => FAULT_LABELS[f.id] === undefined).map((f) => `${def.id}: ${f.id}`),
    );
    expect(missing).toEqual([]);
  });

  it("every metric shown in a rep, a fault or a chart has a label and unit", () => {
    expect([...shownMetrics()].filter((name) => METRIC_LABELS[name] === undefined)).toEqual([]);
  });

  it("labels and exercise names read as words, not ids", () => {
    const faultLabels = Object.values(EXERCISES).flatMap((def) =>
      def.faults.map((f) => faultLabel(def.id, f.id)),
    );
    const metricLabels = Object.values(METRIC_LABELS).map((m) => m.label);
    const names = EXERCISE_IDS.map(exerciseName);
    for (const text of [...faultLabels, ...metricLabels, ...names])
      expect(text).not.toMatch(LOOKS_LIKE_AN_ID);
  });
});

describe("fault labels", () => {
  it("a fault id shared by exercises says what it means in each", () => {
    expect(faultLabel("push_up", "partial_range")).toBe("Not low enough");
    expect(faultLabel("bicep_curl", "partial_range")).toBe("Not curled all the way up");
    expect(faultLabel("squat", "knee_valgus")).toBe("Knees caving in");
    expect(faultLabel("lunge", "knee_valgus")).toBe("Front knee caving in");
  });
});

describe("faultWhy", () => {
  it("says what was measured, in its unit, and the limit", () => {
    const limit = faultLimit(EXERCISES.lunge.faults.find((f) => f.id === "torso_lean")!);
    expect(faultWhy("lunge", "torso_lean", 30.4)).toBe(`Torso lean 30°; the limit is ${limit}°.`);
  });

  it("shows ratios as a share of the body length they were measured against", () => {
    expect(faultWhy("squat", "knee_valgus", 0.153)).toMatch(
      /^Knees in toward each other 15% of leg length; the limit is [\d.]+% of leg length\.$/,
    );
  });

  it("puts a signed measure on its side instead of a minus sign", () => {
    const why = faultWhy("push_up", "hips_sag", -14.2);
    expect(why).toMatch(/^Hips 14° below the shoulder–ankle line; the limit is [\d.]+° below/);
    expect(why).not.toContain("-");
  });

  it("a fault judged from below says what had to be reached", () => {
    expect(faultWhy("push_up", "partial_range", 0.6)).toMatch(
      /^Range of motion 60% of full range; it needs to reach [\d.]+% of full range\.$/,
    );
  });

  it("without a measurement still names the measure and its limit, for every fault", () => {
    for (const def of Object.values(EXERCISES)) {
      for (const fault of def.faults) {
        const why = faultWhy(def.id, fault.id) ?? "";
        expect(why).toContain(formatMetricValue(fault.metric, faultLimit(fault), 1));
        expect(why).not.toMatch(LOOKS_LIKE_AN_ID);
      }
    }
  });

  it("is undefined for a fault the exercise does not judge", () => {
    expect(faultWhy("plank", "knee_valgus", 0.2)).toBeUndefined();
  });
});

describe("formatMetric", () => {
  it("names the measure and rounds it in its unit", () => {
    expect(formatMetric("kneeDeg", 92.4)).toBe("Knee angle 92°");
    expect(formatMetric("progress", 0.874)).toBe("Range of motion 87% of full range");
    expect(formatMetric("kneePastToeRatio", -0.05)).toBe("Front knee 5% of leg length behind the toes");
  });
});
