import { useState } from "react";
import type { MealEntryRow } from "../../db/records";
import type { Meal } from "../../../shared/schemas/nutrition";
import type { Nutrients } from "../../../shared/nutrition/nutrients";
import { AmountForm } from "./AmountForm";
import { MealTools } from "./MealTools";
import { MEAL_LABELS, formatGrams, formatKcal, messageOf } from "./labels";
import { deleteMealEntry, editMealEntry } from "./nutrition-store";

interface Props {
  meal: Meal;
  date: string;
  entries: MealEntryRow[];
  total: Nutrients;
  adding: boolean;
  onAdd: () => void;
  children?: React.ReactNode;
}

function amountText(entry: MealEntryRow): string {
  const grams = `${formatGrams(entry.grams)} g`;
  return entry.portion ? `${entry.portion.count} × ${entry.portion.label} (${grams})` : grams;
}

/** One meal of the day: its entries (edit amount, delete), its energy, and adding food to it. */
export function MealSection({ meal, date, entries, total, adding, onAdd, children }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = (work: Promise<unknown>) =>
    work.then(() => setError(null)).catch((err: unknown) => setError(messageOf(err)));

  return (
    <section className="meal" aria-label={MEAL_LABELS[meal]} data-meal={meal}>
      <header className="meal-header">
        <h2>{MEAL_LABELS[meal]}</h2>
        <span data-testid={`meal-kcal-${meal}`}>{formatKcal(total.energyKcal)} kcal</span>
      </header>
      {error && <p role="alert">{error}</p>}
      <ul className="entries">
        {entries.map((entry) =>
          editing === entry.id ? (
            <li key={entry.id}>
              <AmountForm
                food={{
                  ref: entry.food,
                  name: entry.name,
                  per100g: entry.per100g,
                  portions: entry.portion ? [entry.portion] : [],
                }}
                meal={meal}
                initial={{ grams: entry.grams, portion: entry.portion }}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSubmit={(amount) => act(editMealEntry(entry.id, amount).then(() => setEditing(null)))}
              />
            </li>
          ) : (
            <li key={entry.id} className="entry">
              <span className="entry-name">{entry.name}</span>
              <span className="muted">{amountText(entry)}</span>
              <span>{formatKcal((entry.per100g.energyKcal * entry.grams) / 100)} kcal</span>
              <button
                type="button"
                className="secondary"
                onClick={() => setEditing(entry.id)}
                aria-label={`Edit ${entry.name}`}
              >
                Edit
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void act(deleteMealEntry(entry.id))}
                aria-label={`Delete ${entry.name}`}
              >
                Delete
              </button>
            </li>
          ),
        )}
      </ul>
      {adding ? (
        children
      ) : (
        <button type="button" className="secondary" onClick={onAdd}>
          Add food to {MEAL_LABELS[meal]}
        </button>
      )}
      <MealTools meal={meal} date={date} entries={entries} />
    </section>
  );
}
