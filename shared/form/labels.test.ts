import { describe, expect, it } from "vitest";
import { EXERCISES } from "./exercises";
import { METRIC_NAMES } from "./metric-names";
import { EXERCISE_IDS, FAULT_IDS } from "./types";
import { exerciseName, FAULT_LABELS, faultLabel, faultLimit, faultWhy } from "./labels";
import { formatMetric, formatMetricValue } from "./metric-labels";

// Words a person reads: no snake_case ids and no camelCase metric keys.
const LOOKS_LIKE_AN_ID = /_|[a-z][A-Z]/;

// That every fault id and metric name has words is checked by the compiler (the tables are typed
// over the id unions); these check the words themselves.
describe("labels read as words", () => {
  it("every fault, in every exercise that judges it, has a label that is not an id", () => {
    for (const def of Object.values(EXERCISES)) {
      for (const fault of def.faults) expect(faultLabel(def.id, fault.id)).not.toMatch(LOOKS_LIKE_AN_ID);
    }
    for (const id of FAULT_IDS) expect(FAULT_LABELS[id]).not.toMatch(LOOKS_LIKE_AN_ID);
  });

  it("every metric and exercise name reads as words", () => {
    for (const name of METRIC_NAMES) expect(formatMetric(name, 1)).not.toMatch(LOOKS_LIKE_AN_ID);
    for (const id of EXERCISE_IDS) expect(exerciseName(id)).not.toMatch(LOOKS_LIKE_AN_ID);
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
    expect(faultWhy("lunge", "torso_lean", 30.4)).toBe(
      `Torso lean change from your start 30°; the limit is ${limit}°.`,
    );
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
