import { useState } from "react";
import { useTranslation } from "../../i18n";
import { formatList } from "../../i18n/format";
import type { NutritionTargetsRow } from "../../db/records";
import { DEFAULT_TARGET_SETTINGS, type MissingFact } from "../../../shared/nutrition/effective-targets";
import {
  ACTIVITY_LEVELS,
  DIET_GOALS,
  type ActivityLevel,
  type DietGoal,
} from "../../../shared/nutrition/targets";
import { messageOf } from "./labels";
import { saveTargets } from "./nutrition-store";

type Settings = Omit<NutritionTargetsRow, "id" | "updatedAt" | "deletedAt">;
const MANUAL_FIELDS = ["energyKcal", "proteinG", "carbG", "fatG"] as const;

/** Where the targets come from: the profile and a goal, or numbers set by hand. */
export function TargetsPanel({
  saved,
  missing,
}: {
  saved: NutritionTargetsRow | undefined;
  missing: MissingFact[];
}) {
  const { t } = useTranslation("nutrition");
  const [draft, setDraft] = useState<Settings>(() => ({ ...DEFAULT_TARGET_SETTINGS, ...strip(saved) }));
  const [status, setStatus] = useState<string | null>(null);
  const set = (fields: Partial<Settings>) => setDraft((d) => ({ ...d, ...fields }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await saveTargets(draft);
      setStatus(t("targets.saved"));
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <form className="targets-form" onSubmit={(event) => void save(event)} aria-label={t("targets.form")}>
      <h2>{t("targets.title")}</h2>
      <label>
        {t("targets.energy")}
        <select
          value={draft.energyMode}
          onChange={(e) => set({ energyMode: e.target.value as Settings["energyMode"] })}
        >
          <option value="profile">{t("targets.fromProfile")}</option>
          <option value="manual">{t("targets.byHand")}</option>
        </select>
      </label>
      <label>
        {t("targets.activity")}
        <select value={draft.activity} onChange={(e) => set({ activity: e.target.value as ActivityLevel })}>
          {ACTIVITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`targets.activityLevel.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("targets.goal")}
        <select value={draft.goal} onChange={(e) => set({ goal: e.target.value as DietGoal })}>
          {DIET_GOALS.map((goal) => (
            <option key={goal} value={goal}>
              {t(`targets.dietGoal.${goal}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("targets.macros")}
        <select
          value={draft.macroMode}
          onChange={(e) => set({ macroMode: e.target.value as Settings["macroMode"] })}
        >
          <option value="goal">{t("targets.fromGoal")}</option>
          <option value="manual">{t("targets.byHand")}</option>
        </select>
      </label>
      {draft.energyMode === "profile" && missing.length > 0 && (
        <p className="muted">
          {t("targets.missing", {
            facts: formatList(missing.map((fact) => t(`targets.fact.${fact}`))),
          })}
        </p>
      )}
      <div className="manual-targets">
        {MANUAL_FIELDS.map((key) => {
          const used =
            key === "energyKcal"
              ? draft.energyMode === "manual" || missing.length > 0
              : draft.macroMode === "manual";
          return (
            <label key={key}>
              {t(`fields.${key}`)}
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
      <button type="submit">{t("targets.save")}</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

function strip(row: NutritionTargetsRow | undefined): Partial<Settings> {
  if (!row) return {};
  const { id: _id, updatedAt: _u, deletedAt: _d, ...settings } = row;
  return settings;
}
