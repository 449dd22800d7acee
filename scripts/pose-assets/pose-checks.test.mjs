import { describe, expect, it } from "vitest";
import { checkStandingPose, jointErrorPx } from "./pose-checks.mjs";

/** 33 landmarks of an upright person: y grows from head (index 0) down to the feet. */
function standingPose() {
  const yByIndex = (/** @type {number} */ i) => {
    if (i <= 10) return 0.1;
    if (i <= 22) return 0.25; // shoulders, arms, hands
    if (i <= 24) return 0.5;
    if (i <= 26) return 0.7;
    return 0.9;
  };
  return Array.from({ length: 33 }, (_, i) => ({ x: i % 2 === 0 ? 0.45 : 0.55, y: yByIndex(i), z: 0 }));
}

describe("checkStandingPose", () => {
  it("accepts one upright person with all landmarks in frame", () => {
    expect(checkStandingPose([standingPose()])).toEqual([]);
  });

  it("reports a missing person, extra people and missing landmarks", () => {
    expect(checkStandingPose([])).toEqual(["expected 1 pose, got 0"]);
    expect(checkStandingPose([standingPose(), standingPose()])).toEqual(["expected 1 pose, got 2"]);
    expect(checkStandingPose([standingPose().slice(0, 17)])).toEqual(["expected 33 landmarks, got 17"]);
  });

  it("reports knees drawn above the hips", () => {
    const pose = standingPose();
    pose[25].y = 0.3;
    pose[26].y = 0.3;
    expect(checkStandingPose([pose])).toEqual(["hips (y=0.50) not above knees (y=0.30)"]);
  });

  it("reports landmarks outside the image", () => {
    const pose = standingPose();
    pose[31].x = 1.2;
    expect(checkStandingPose([pose])).toEqual(["1 landmarks fall outside the image"]);
  });
});

describe("jointErrorPx", () => {
  const image = { widthPx: 100, heightPx: 200 };
  const truthFrom = (/** @type {{ x: number, y: number }[]} */ pose) =>
    Object.fromEntries(
      [11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28].map((i) => [i, { x: pose[i].x, y: pose[i].y }]),
    );

  it("is zero on the true joints and measures offsets in pixels", () => {
    const pose = standingPose();
    const truth = truthFrom(pose);
    expect(jointErrorPx(pose, truth, image)).toEqual({ meanPx: 0, mirroredPairs: 0, pairs: 6 });
    const shifted = pose.map((p) => ({ ...p, y: p.y + 0.05 }));
    expect(jointErrorPx(shifted, truth, image).meanPx).toBeCloseTo(10);
  });

  it("counts left/right swaps as mirrored without penalising them", () => {
    const pose = standingPose();
    const truth = truthFrom(pose);
    const mirrored = pose.map((p) => ({ ...p }));
    for (const [left, right] of [
      [11, 12],
      [13, 14],
      [15, 16],
      [23, 24],
      [25, 26],
      [27, 28],
    ]) {
      mirrored[left] = pose[right];
      mirrored[right] = pose[left];
    }
    const result = jointErrorPx(mirrored, truth, image);
    expect(result.mirroredPairs).toBe(6);
    expect(result.meanPx).toBe(0);
  });
});
