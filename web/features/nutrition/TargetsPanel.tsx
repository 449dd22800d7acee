import { useState } from "react";
import type { NutritionTargetsRow } from "../../db/records";
import { DEFAULT_TARGET_SETTINGS, MISSING_FACT_LABELS } from "../../../shared/nutrition/effective-targets";
import {
  ACTIVITY_LABELS,
  ACTIVITY_LEVELS,
  DIET_GOALS,
  DIET_GOAL_LABELS,
  type ActivityLevel,
  type DietGoal,
} from "../../../shared/nutrition/targets";
import { messageOf } from "./labels";
import { saveTargets } from "./nutrition-store";

type Settings = Omit<NutritionTargetsRow, "id" | "updatedAt" | "deletedAt">;
const MANUAL_FIELDS = [
  ["energyKcal", "Energy (kcal)"],
  ["proteinG", "Protein (g)"],
  ["carbG", "Carbohydrate (g)"],
  ["fatG", "Fat (g)"],
] as const;

/** Where the targets come from: the profile and a goal, or numbers set by hand. */
export function TargetsPanel({
  saved,
  missing,
}: {
  saved: NutritionTargetsRow | undefined;
  missing: string[];
}) {
  const [draft, setDraft] = useState<Settings>(() => ({ ...DEFAULT_TARGET_SETTINGS, ...strip(saved) }));
  const [status, setStatus] = useState<string | null>(null);
  const set = (fields: Partial<Settings>) => setDraft((d) => ({ ...d, ...fields }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await saveTargets(draft);
      setStatus("Targets saved.");
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <form className="targets-form" onSubmit={(event) => void save(event)} aria-label="Targets">
      <h2>Targets</h2>
      <label>
        Energy
        <select
          value={draft.energyMode}
          onChange={(e) => set({ energyMode: e.target.value as Settings["energyMode"] })}
        >
          <option value="profile">From my profile (Mifflin–St Jeor)</option>
          <option value="manual">Set by hand</option>
        </select>
      </label>
      <label>
        Activity
        <select value={draft.activity} onChange={(e) => set({ activity: e.target.value as ActivityLevel })}>
          {ACTIVITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {ACTIVITY_LABELS[level]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Goal
        <select value={draft.goal} onChange={(e) => set({ goal: e.target.value as DietGoal })}>
          {DIET_GOALS.map((goal) => (
            <option key={goal} value={goal}>
              {DIET_GOAL_LABELS[goal]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Protein, carbohydrate, fat
        <select
          value={draft.macroMode}
          onChange={(e) => set({ macroMode: e.target.value as Settings["macroMode"] })}
        >
          <option value="goal">From my goal</option>
          <option value="manual">Set by hand</option>
        </select>
      </label>
      {draft.energyMode === "profile" && missing.length > 0 && (
        <p className="muted">
          Add your{" "}
          {missing.map((m) => MISSING_FACT_LABELS[m as keyof typeof MISSING_FACT_LABELS] ?? m).join(", ")} on
          the Profile page to compute energy; until then the hand-set energy is used.
        </p>
      )}
      <div className="manual-targets">
        {MANUAL_FIELDS.map(([key, label]) => {
          const used =
            key === "energyKcal"
              ? draft.energyMode === "manual" || missing.length > 0
              : draft.macroMode === "manual";
          return (
            <label key={key}>
              {label}
              <input
                type="number"
                min="0"
                step="1"
                disabled={!used}
                value={draft[key]}
                onChange={(e) => set({ [key]: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
              />
            </label>
          );
        })}
      </div>
      <button type="submit">Save targets</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

function strip(row: NutritionTargetsRow | undefined): Partial<Settings> {
  if (!row) return {};
  const { id: _id, updatedAt: _u, deletedAt: _d, ...settings } = row;
  return settings;
}
