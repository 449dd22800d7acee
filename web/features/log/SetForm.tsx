import { useState, type FormEvent } from "react";
import { LocalWriteError, saveSet, type SetRow } from "../../db";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatNumber } from "../../i18n/format";
import { toKg, weightInputValue, type WeightUnit } from "./units";

interface Props {
  workoutId: string;
  exerciseId: string;
  unit: WeightUnit;
  /** The set being edited; absent to add a new one. */
  editing?: SetRow;
  /** Prefill for a new set (the last set of this exercise). */
  previous?: SetRow;
  /** Prefill from the plan's session, which wins over the last set. */
  planned?: { reps: number; weightKg: number | null };
  /** When the workout's previous set was done, for the rest taken before this one. */
  previousAt?: number;
  onSaved: (set: SetRow) => void;
  onCancel?: () => void;
}

/** Weight, reps and RPE for one set. Says "Saved" only once the write has committed. */
export function SetForm({
  workoutId,
  exerciseId,
  unit,
  editing,
  previous,
  planned,
  previousAt,
  onSaved,
  onCancel,
}: Props) {
  const { t } = useTranslation("log");
  const start = editing ?? (planned ? { ...planned, rpe: null } : previous);
  const [weight, setWeight] = useState(weightInputValue(start?.weightKg ?? null, unit));
  const [reps, setReps] = useState(start ? String(start.reps) : "");
  const [rpe, setRpe] = useState(
    start?.rpe === null || start?.rpe === undefined
      ? ""
      : formatNumber(start.rpe, { maximumFractionDigits: 1, useGrouping: false }),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weightKg = toKg(weight, unit);
    const repCount = Number(reps);
    const effort = rpe.trim() === "" ? null : Number(rpe.trim().replace(",", "."));
    if (Number.isNaN(weightKg) || !Number.isInteger(repCount) || repCount < 0 || Number.isNaN(effort)) {
      setError(t("setForm.invalid"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const now = Date.now();
      const set = await saveSet({
        id: editing?.id,
        workoutId,
        exerciseId,
        reps: repCount,
        weightKg,
        rpe: effort,
        ...(editing
          ? {}
          : { restMs: previousAt === undefined ? null : Math.min(now - previousAt, 86_400_000) }),
      });
      onSaved(set);
    } catch (err) {
      setError(
        err instanceof LocalWriteError
          ? errorMessage(err)
          : t("setForm.notSaved", { detail: errorMessage(err) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="set-form"
      onSubmit={(e) => void submit(e)}
      aria-label={editing ? t("setForm.editLabel") : t("setForm.newLabel")}
    >
      <label>
        {t("setForm.weight", { unit })}
        <input inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} size={5} />
      </label>
      <label>
        {t("setForm.reps")}
        <input inputMode="numeric" value={reps} onChange={(e) => setReps(e.target.value)} size={3} required />
      </label>
      <label>
        {t("setForm.rpe")}
        <input
          inputMode="decimal"
          value={rpe}
          onChange={(e) => setRpe(e.target.value)}
          size={3}
          placeholder={t("setForm.rpePlaceholder")}
        />
      </label>
      <button type="submit" disabled={busy}>
        {editing ? t("setForm.save") : t("setForm.saveSet")}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t("setForm.cancel")}
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
