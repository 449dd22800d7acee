import type { ExerciseChoice } from "../../../shared/import";
import type { ExerciseLibrary } from "../library/exercise-data";
import type { NameChoices, NameReview as Review } from "./import-types";
import { count } from "./words";

const LIST_ID = "import-library-names";

const encode = (c: ExerciseChoice) => (c.kind === "library" ? `library:${c.id}` : c.kind);
function decode(value: string): ExerciseChoice {
  if (value.startsWith("library:")) return { kind: "library", id: value.slice("library:".length) };
  return value === "skip" ? { kind: "skip" } : { kind: "own" };
}

/** The names the library did not match, each with a choice the person makes (remembered next time). */
export function NameReviewList(props: {
  names: Review[];
  choices: NameChoices;
  library: ExerciseLibrary | undefined;
  onChoose: (name: string, choice: ExerciseChoice) => void;
}) {
  const unmatched = props.names.filter((n) => n.match === null);
  const matched = props.names.filter((n) => n.match !== null);
  const libraryName = (id: string) => props.library?.byId.get(id)?.name ?? id.replaceAll("_", " ");
  return (
    <section aria-label="Exercise names" className="import-names">
      {unmatched.length > 0 ? (
        <>
          <h3>{count(unmatched.length, "name needs", "names need")} your choice</h3>
          <p className="muted">
            Pick the library exercise each one is, keep it as your own exercise, or leave its sets out.
            Spotter remembers your choices for the next import.
          </p>
          <datalist id={LIST_ID}>
            {props.library?.exercises.map((e) => (
              <option key={e.id} value={e.name} />
            ))}
          </datalist>
          <ul className="import-name-list">
            {unmatched.map((n) => (
              <NameChoice
                key={n.name}
                review={n}
                choice={props.choices[n.name] ?? { kind: "own" }}
                library={props.library}
                libraryName={libraryName}
                onChoose={(c) => props.onChoose(n.name, c)}
              />
            ))}
          </ul>
        </>
      ) : (
        <p>Every exercise name matched the library.</p>
      )}
      {matched.length > 0 && (
        <details>
          <summary>{count(matched.length, "name", "names")} matched</summary>
          <ul>
            {matched.map((n) => (
              <li key={n.name}>
                {n.name} →{" "}
                {n.match?.kind === "library"
                  ? libraryName(n.match.id)
                  : n.match?.kind === "skip"
                    ? "left out"
                    : "your own exercise"}{" "}
                ({count(n.sets, "set", "sets")})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function NameChoice(props: {
  review: Review;
  choice: ExerciseChoice;
  library: ExerciseLibrary | undefined;
  libraryName: (id: string) => string;
  onChoose: (choice: ExerciseChoice) => void;
}) {
  const { review, choice } = props;
  const options = [...review.suggestions.map((s) => s.id)];
  if (choice.kind === "library" && !options.includes(choice.id)) options.unshift(choice.id);
  const search = (text: string) => {
    const found = props.library?.exercises.find((e) => e.name.toLowerCase() === text.trim().toLowerCase());
    if (found) props.onChoose({ kind: "library", id: found.id });
  };
  return (
    <li className="import-name">
      <span>
        <strong>{review.name}</strong> <span className="muted">({count(review.sets, "set", "sets")})</span>
      </span>
      <select
        aria-label={`Exercise for ${review.name}`}
        value={encode(choice)}
        onChange={(e) => props.onChoose(decode(e.target.value))}
      >
        <option value="own">Keep as my own exercise “{review.name}”</option>
        {options.map((id) => (
          <option key={id} value={`library:${id}`}>
            {props.libraryName(id)}
          </option>
        ))}
        <option value="skip">Leave these sets out</option>
      </select>
      <input
        type="search"
        list={LIST_ID}
        aria-label={`Find another exercise for ${review.name}`}
        placeholder="Find another exercise"
        onChange={(e) => search(e.target.value)}
      />
    </li>
  );
}
