import { useState } from "react";
import type { MealEntryRow } from "../../db/records";
import { addDays } from "../../../shared/nutrition/days";
import type { Meal } from "../../../shared/schemas/nutrition";
import { MEAL_LABELS, messageOf } from "./labels";
import { copyEntries, saveRecipe } from "./nutrition-store";

/** A meal's extras: copy it from the day before, or save what is in it as a recipe. */
export function MealTools({ meal, date, entries }: { meal: Meal; date: string; entries: MealEntryRow[] }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [servings, setServings] = useState("1");
  const [status, setStatus] = useState<string | null>(null);

  const copy = () =>
    copyEntries(addDays(date, -1), date, meal)
      .then((n) =>
        setStatus(n ? `Copied ${n} from the day before.` : `${MEAL_LABELS[meal]} was empty the day before.`),
      )
      .catch((err: unknown) => setStatus(messageOf(err)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const food = await saveRecipe(name, entries, servings.trim() === "" ? Number.NaN : Number(servings));
      setStatus(`Saved recipe “${food.name}”: ${food.portion?.grams.toFixed(0)} g a serving.`);
      setNaming(false);
      setName("");
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <div className="meal-tools">
      <div className="amount-row">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy from the day before
        </button>
        {entries.length > 0 && (
          <button type="button" className="secondary" onClick={() => setNaming((n) => !n)}>
            Save as recipe
          </button>
        )}
      </div>
      {naming && (
        <form
          className="amount-row"
          aria-label={`Save ${MEAL_LABELS[meal]} as a recipe`}
          onSubmit={(e) => void save(e)}
        >
          <label>
            Recipe name
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          </label>
          <label>
            Servings
            <input
              type="number"
              min="1"
              step="1"
              value={servings}
              onChange={(e) => setServings(e.target.value)}
            />
          </label>
          <button type="submit">Save recipe</button>
        </form>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}
