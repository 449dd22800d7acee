import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { EQUIPMENT, EXPERIENCE_LEVELS } from "../../../shared/schemas/profile";
import { MUSCLES } from "../../../shared/schemas/exercise";
import {
  filterExercises,
  loadExerciseLibrary,
  type ExerciseFilter,
  type ExerciseLibrary,
} from "./exercise-data";
import { ExerciseCard } from "./ExerciseCard";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatNumber } from "../../i18n/format";
import "./library.css";

const PAGE = 40;
const NO_FILTER: ExerciseFilter = { text: "", muscle: "", equipment: "", level: "", coachOnly: false };

export default function LibraryPage() {
  const { t } = useTranslation("library");
  const { t: common } = useTranslation("common");
  const [library, setLibrary] = useState<ExerciseLibrary | null>(null);
  // Kept as it came, worded when shown: a change of language rewords it.
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const deferred = useDeferredValue(filter);

  useEffect(() => {
    loadExerciseLibrary().then(setLibrary, (err: unknown) => setError({ cause: err }));
  }, []);
  const matches = useMemo(
    () => (library ? filterExercises(library.exercises, deferred) : []),
    [library, deferred],
  );
  const update = (patch: Partial<ExerciseFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setShown(PAGE);
  };

  return (
    <section className="page library">
      <h1>{t("title")}</h1>
      <div className="library-filters">
        <input
          type="search"
          aria-label={t("search")}
          placeholder={t("search")}
          value={filter.text}
          onChange={(e) => update({ text: e.target.value })}
        />
        <Select
          label={t("muscle")}
          any={t("anyMuscle")}
          value={filter.muscle}
          options={MUSCLES.map((m) => [m, common(`muscle.${m}`)] as const)}
          onChange={(muscle) => update({ muscle })}
        />
        <Select
          label={t("equipment")}
          any={t("anyEquipment")}
          value={filter.equipment}
          options={EQUIPMENT.map((e) => [e, common(`equipment.${e}`)] as const)}
          onChange={(equipment) => update({ equipment })}
        />
        <Select
          label={t("level")}
          any={t("anyLevel")}
          value={filter.level}
          options={EXPERIENCE_LEVELS.map((l) => [l, common(`level.${l}`)] as const)}
          onChange={(level) => update({ level })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={filter.coachOnly}
            onChange={(e) => update({ coachOnly: e.target.checked })}
          />
          {t("coachOnly")}
        </label>
      </div>
      {error && <p role="alert">{t("loadFailed", { detail: errorMessage(error.cause) })}</p>}
      {!library && !error && <p className="muted">{t("loading")}</p>}
      {library && (
        <>
          <p className="muted" aria-live="polite">
            {t("count", {
              shown: formatNumber(matches.length),
              total: formatNumber(library.exercises.length),
            })}
            {library.rejected > 0 && ` ${t("rejected", { count: library.rejected })}`}
          </p>
          <ul className="exercise-list">
            {matches.slice(0, shown).map((exercise) => (
              <ExerciseCard key={exercise.id} exercise={exercise} />
            ))}
          </ul>
          {matches.length > shown && (
            <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
              {t("showMore")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Select(props: {
  label: string;
  /** The first choice, which filters nothing ("Any muscle"). */
  any: string;
  value: string;
  /** Each choice's value and the words shown for it. */
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      <span className="sr-label">{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
