import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COACH_EXERCISE_IDS, COACHED_DATASET_IDS } from "../../shared/schemas/exercise";
import { SEED_MIGRATION, loadDataset, seedSql } from "./build-seed";

describe("exercise seed", () => {
  const exercises = loadDataset();

  it("normalises every entry of the bundled dataset", () => {
    expect(exercises).toHaveLength(873);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(873);
  });

  it("maps only dataset ids that exist", () => {
    const ids = new Set(exercises.map((e) => e.id));
    for (const coachId of COACH_EXERCISE_IDS) {
      for (const id of COACHED_DATASET_IDS[coachId]) expect(ids.has(id), `${coachId} -> ${id}`).toBe(true);
    }
  });

  it("matches the committed migration (rerun scripts/exercises/build-seed.ts after changing either)", () => {
    expect(readFileSync(SEED_MIGRATION, "utf8")).toBe(seedSql(exercises));
  });
});
