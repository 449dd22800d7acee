import { useState, type FormEvent } from "react";
import {
  EQUIPMENT,
  EXPERIENCE_LEVELS,
  GOALS,
  SEXES,
  UNITS,
  type Equipment,
} from "../../../shared/schemas/profile";
import { saveProfile, type ProfileRow } from "../../db";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatNumber } from "../../i18n/format";
import { toKg, weightInputValue } from "../log/units";

/** A typed number (a decimal comma as good as a point), null when blank, NaN when not a number. */
const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s.trim().replace(",", ".")));
const shown = (n: number | null) =>
  n === null || Number.isNaN(n) ? "" : formatNumber(n, { maximumFractionDigits: 1, useGrouping: false });

/** The training profile, saved on this device first and synced from there. */
export function ProfileForm({ profile, onSaved }: { profile: ProfileRow; onSaved: () => void }) {
  const { t } = useTranslation("profile");
  const { t: common } = useTranslation("common");
  const [draft, setDraft] = useState(profile);
  const [weight, setWeight] = useState(weightInputValue(profile.weightKg, profile.units));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ProfileRow>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { id: _id, updatedAt: _updatedAt, deletedAt: _deletedAt, ...fields } = draft;
    const weightKg = toKg(weight, draft.units);
    if ([fields.heightCm, fields.birthYear, weightKg].some((n) => n !== null && Number.isNaN(n))) {
      setError(t("form.invalid"));
      return;
    }
    try {
      await saveProfile({ ...fields, weightKg });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const changeUnits = (units: ProfileRow["units"]) => {
    const kg = toKg(weight, draft.units);
    set({ units });
    setWeight(weightInputValue(kg === null || Number.isNaN(kg) ? null : kg, units));
  };
  const toggle = (item: Equipment, on: boolean) =>
    set({ equipment: on ? [...draft.equipment, item] : draft.equipment.filter((e) => e !== item) });

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)} aria-label={t("form.label")}>
      <h2>{t("form.title")}</h2>
      <fieldset>
        <legend>{t("form.units")}</legend>
        {UNITS.map((u) => (
          <label key={u} className="inline">
            <input type="radio" name="units" checked={draft.units === u} onChange={() => changeUnits(u)} />{" "}
            {common(`unit.${u}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("form.height")}
        <input
          inputMode="decimal"
          defaultValue={shown(draft.heightCm)}
          onChange={(e) => set({ heightCm: numberOrNull(e.target.value) })}
        />
      </label>
      <label>
        {t("form.weight", { unit: common(`unit.${draft.units}`) })}
        <input inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} />
      </label>
      <label>
        {t("form.birthYear")}
        <input
          inputMode="numeric"
          defaultValue={draft.birthYear ?? ""}
          onChange={(e) => set({ birthYear: numberOrNull(e.target.value) })}
        />
      </label>
      <Choice
        label={t("form.sex")}
        value={draft.sex}
        options={SEXES}
        words={(s) => t(`sex.${s}`)}
        onChange={(sex) => set({ sex })}
      />
      <Choice
        label={t("form.goal")}
        value={draft.goal}
        options={GOALS}
        words={(g) => t(`goal.${g}`)}
        onChange={(goal) => set({ goal })}
      />
      <Choice
        label={t("form.experience")}
        value={draft.experience}
        options={EXPERIENCE_LEVELS}
        words={(l) => t(`experience.${l}`)}
        onChange={(experience) => set({ experience })}
      />
      <label>
        {t("form.days")}
        <input
          type="number"
          min={0}
          max={7}
          value={draft.trainingDays}
          onChange={(e) => set({ trainingDays: Number(e.target.value) })}
        />
      </label>
      <fieldset>
        <legend>{t("form.equipment")}</legend>
        {EQUIPMENT.map((item) => (
          <label key={item} className="inline">
            <input
              type="checkbox"
              checked={draft.equipment.includes(item)}
              onChange={(e) => toggle(item, e.target.checked)}
            />{" "}
            {common(`equipment.${item}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t("form.save")}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  words: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(e) => {
          const picked = props.options.find((o) => o === e.target.value);
          if (picked) props.onChange(picked);
        }}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
