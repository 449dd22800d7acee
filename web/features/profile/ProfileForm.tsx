import { useState, type FormEvent } from "react";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SEXES, type Equipment } from "../../../shared/schemas/profile";
import { LocalWriteError, saveProfile, type ProfileRow } from "../../db";
import { toKg, weightInputValue } from "../log/units";

const label = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1)).replaceAll("_", " ");
const numberOrNull = (s: string) => (s.trim() === "" ? null : Number(s));

/** The training profile, saved on this device first and synced from there. */
export function ProfileForm({ profile, onSaved }: { profile: ProfileRow; onSaved: () => void }) {
  const [draft, setDraft] = useState(profile);
  const [weight, setWeight] = useState(weightInputValue(profile.weightKg, profile.units));
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ProfileRow>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { id: _id, updatedAt: _updatedAt, deletedAt: _deletedAt, ...fields } = draft;
    try {
      await saveProfile({ ...fields, weightKg: toKg(weight, draft.units) });
      onSaved();
    } catch (err) {
      setError(err instanceof LocalWriteError ? err.message : String(err));
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
    <form className="profile-form" onSubmit={(e) => void submit(e)} aria-label="Training profile">
      <h2>Training profile</h2>
      <fieldset>
        <legend>Units</legend>
        {(["kg", "lb"] as const).map((u) => (
          <label key={u} className="inline">
            <input type="radio" name="units" checked={draft.units === u} onChange={() => changeUnits(u)} />{" "}
            {u}
          </label>
        ))}
      </fieldset>
      <label>
        Height (cm)
        <input
          inputMode="decimal"
          value={draft.heightCm ?? ""}
          onChange={(e) => set({ heightCm: numberOrNull(e.target.value) })}
        />
      </label>
      <label>
        Body weight ({draft.units})
        <input inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} />
      </label>
      <label>
        Birth year
        <input
          inputMode="numeric"
          value={draft.birthYear ?? ""}
          onChange={(e) => set({ birthYear: numberOrNull(e.target.value) })}
        />
      </label>
      <Choice label="Sex" value={draft.sex} options={SEXES} onChange={(sex) => set({ sex })} />
      <Choice label="Goal" value={draft.goal} options={GOALS} onChange={(goal) => set({ goal })} />
      <Choice
        label="Experience"
        value={draft.experience}
        options={EXPERIENCE_LEVELS}
        onChange={(experience) => set({ experience })}
      />
      <label>
        Training days per week
        <input
          type="number"
          min={0}
          max={7}
          value={draft.trainingDays}
          onChange={(e) => set({ trainingDays: Number(e.target.value) })}
        />
      </label>
      <fieldset>
        <legend>Equipment you have</legend>
        {EQUIPMENT.map((item) => (
          <label key={item} className="inline">
            <input
              type="checkbox"
              checked={draft.equipment.includes(item)}
              onChange={(e) => toggle(item, e.target.checked)}
            />{" "}
            {item}
          </label>
        ))}
      </fieldset>
      <button type="submit">Save profile</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
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
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
