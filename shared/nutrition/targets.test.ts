import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET_SETTINGS, effectiveTargets } from "./effective-targets";
import { macroTargets, restingEnergyKcal, targetsFromProfile } from "./targets";

const man = { weightKg: 80, heightCm: 180, birthYear: 1996, sex: "male" } as const;

describe("nutrition targets", () => {
  it("computes resting energy by Mifflin–St Jeor", () => {
    // 10 × 80 + 6.25 × 180 − 5 × 30 + 5 = 1780
    expect(restingEnergyKcal(man, 2026)).toEqual({ kcal: 1780 });
    // 10 × 60 + 6.25 × 165 − 5 × 40 − 161 = 1270.25
    expect(restingEnergyKcal({ weightKg: 60, heightCm: 165, birthYear: 1986, sex: "female" }, 2026)).toEqual({
      kcal: 1270.25,
    });
  });

  it("names the profile facts it lacks", () => {
    expect(
      targetsFromProfile({ ...man, heightCm: null, birthYear: null }, "light", "maintain", 2026),
    ).toEqual({
      missing: ["heightCm", "birthYear"],
    });
  });

  it("scales by activity and goal, rounded to 10 kcal", () => {
    const maintain = targetsFromProfile(man, "moderate", "maintain", 2026);
    const lose = targetsFromProfile(man, "moderate", "lose", 2026);
    expect(maintain).toMatchObject({ targets: { energyKcal: 2760 } }); // 1780 × 1.55 = 2759
    expect(lose).toMatchObject({ targets: { energyKcal: 2210 } }); // × 0.8 = 2207.2
  });

  it("splits energy into macros whose energy adds up", () => {
    const macros = macroTargets(2500, 80, "lose");
    expect(macros.proteinG).toBe(160);
    const kcal = macros.proteinG * 4 + macros.carbG * 4 + macros.fatG * 9;
    expect(Math.abs(kcal - 2500)).toBeLessThanOrEqual(4);
  });
});

describe("targets in force", () => {
  it("follows the profile, or the hand-set energy when the profile lacks a fact", () => {
    const settings = { ...DEFAULT_TARGET_SETTINGS, activity: "moderate", goal: "maintain" } as const;
    expect(effectiveTargets(settings, man, 2026).targets.energyKcal).toBe(2760);
    const partial = effectiveTargets(settings, { ...man, heightCm: null }, 2026);
    expect(partial.targets.energyKcal).toBe(DEFAULT_TARGET_SETTINGS.energyKcal);
    expect(partial.missing).toEqual(["heightCm"]);
  });

  it("keeps hand-set macros as they are", () => {
    const settings = {
      ...DEFAULT_TARGET_SETTINGS,
      energyMode: "manual",
      macroMode: "manual",
      energyKcal: 2100,
      proteinG: 150,
      carbG: 200,
      fatG: 70,
    } as const;
    expect(effectiveTargets(settings, man, 2026).targets).toEqual({
      energyKcal: 2100,
      proteinG: 150,
      carbG: 200,
      fatG: 70,
    });
  });
});
