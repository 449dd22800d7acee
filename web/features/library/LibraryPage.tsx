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
import "./library.css";

const PAGE = 40;
const NO_FILTER: ExerciseFilter = { text: "", muscle: "", equipment: "", level: "", coachOnly: false };

export default function LibraryPage() {
  const [library, setLibrary] = useState<ExerciseLibrary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const deferred = useDeferredValue(filter);

  useEffect(() => {
    loadExerciseLibrary().then(setLibrary, (err: unknown) =>
      setError(
        `The exercise library could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
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
      <h1>Exercise library</h1>
      <div className="library-filters">
        <input
          type="search"
          aria-label="Search exercises"
          placeholder="Search exercises"
          value={filter.text}
          onChange={(e) => update({ text: e.target.value })}
        />
        <Select
          label="Muscle"
          value={filter.muscle}
          options={MUSCLES}
          onChange={(muscle) => update({ muscle })}
        />
        <Select
          label="Equipment"
          value={filter.equipment}
          options={EQUIPMENT}
          onChange={(equipment) => update({ equipment })}
        />
        <Select
          label="Level"
          value={filter.level}
          options={EXPERIENCE_LEVELS}
          onChange={(level) => update({ level })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={filter.coachOnly}
            onChange={(e) => update({ coachOnly: e.target.checked })}
          />
          Camera coaching only
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {!library && !error && <p className="muted">Loading exercises…</p>}
      {library && (
        <>
          <p className="muted" aria-live="polite">
            {matches.length} of {library.exercises.length} exercises
            {library.rejected > 0 && ` (${library.rejected} dataset entries could not be read)`}
          </p>
          <ul className="exercise-list">
            {matches.slice(0, shown).map((exercise) => (
              <ExerciseCard key={exercise.id} exercise={exercise} />
            ))}
          </ul>
          {matches.length > shown && (
            <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Select(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      <span className="sr-label">{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any {props.label.toLowerCase()}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
