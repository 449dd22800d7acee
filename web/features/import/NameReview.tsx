import type { ExerciseChoice } from "../../../shared/import";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { NameChoices, NameReview as Review } from "./import-types";
import { kindCount } from "./words";

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
  const { t } = useTranslation("import");
  const unmatched = props.names.filter((n) => n.match === null);
  const matched = props.names.filter((n) => n.match !== null);
  const libraryName = (id: string) => exerciseName(id, props.library);
  return (
    <section aria-label={t("names.region")} className="import-names">
      {unmatched.length > 0 ? (
        <>
          <h3>{t("names.needChoice", { count: unmatched.length, n: formatNumber(unmatched.length) })}</h3>
          <p className="muted">{t("names.help")}</p>
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
        <p>{t("names.allMatched")}</p>
      )}
      {matched.length > 0 && (
        <details>
          <summary>{t("names.matched", { count: matched.length, n: formatNumber(matched.length) })}</summary>
          <ul>
            {matched.map((n) => (
              <li key={n.name}>
                {t("names.matchedLine", {
                  name: n.name,
                  target:
                    n.match?.kind === "library"
                      ? libraryName(n.match.id)
                      : t(n.match?.kind === "skip" ? "names.leftOut" : "names.ownExercise"),
                  sets: kindCount("set", n.sets),
                })}
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
  const { t } = useTranslation("import");
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
        <strong>{review.name}</strong>{" "}
        <span className="muted">{t("names.setCount", { sets: kindCount("set", review.sets) })}</span>
      </span>
      <select
        aria-label={t("names.choiceLabel", { name: review.name })}
        value={encode(choice)}
        onChange={(e) => props.onChoose(decode(e.target.value))}
      >
        <option value="own">{t("names.keepOwn", { name: review.name })}</option>
        {options.map((id) => (
          <option key={id} value={`library:${id}`}>
            {props.libraryName(id)}
          </option>
        ))}
        <option value="skip">{t("names.skip")}</option>
      </select>
      <input
        type="search"
        list={LIST_ID}
        aria-label={t("names.findLabel", { name: review.name })}
        placeholder={t("names.findPlaceholder")}
        onChange={(e) => search(e.target.value)}
      />
    </li>
  );
}
