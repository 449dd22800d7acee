import { useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { MealEntryRow } from "../../db/records";
import type { Meal } from "../../../shared/schemas/nutrition";
import type { Nutrients } from "../../../shared/nutrition/nutrients";
import { AmountForm } from "./AmountForm";
import { MealTools } from "./MealTools";
import { formatGrams, formatKcal, messageOf } from "./labels";
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

/** "2 × 1 large (100 g)" or "120 g": the portion's own label is data (USDA's, or the person's). */
function amountText(t: TFunction<"nutrition">, entry: MealEntryRow): string {
  const grams = formatGrams(entry.grams);
  return entry.portion
    ? t("meal.portionAmount", {
        count: formatNumber(entry.portion.count, { maximumFractionDigits: 2 }),
        portion: entry.portion.label,
        grams,
      })
    : grams;
}

/** One meal of the day: its entries (edit amount, delete), its energy, and adding food to it. */
export function MealSection({ meal, date, entries, total, adding, onAdd, children }: Props) {
  const { t } = useTranslation("nutrition");
  const mealName = t(`meals.${meal}`);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = (work: Promise<unknown>) =>
    work.then(() => setError(null)).catch((err: unknown) => setError(messageOf(err)));

  return (
    <section className="meal" aria-label={mealName} data-meal={meal}>
      <header className="meal-header">
        <h2>{mealName}</h2>
        <span data-testid={`meal-kcal-${meal}`}>{formatKcal(total.energyKcal)}</span>
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
                submitLabel={t("meal.save")}
                onCancel={() => setEditing(null)}
                onSubmit={(amount) => act(editMealEntry(entry.id, amount).then(() => setEditing(null)))}
              />
            </li>
          ) : (
            <li key={entry.id} className="entry">
              <span className="entry-name">{entry.name}</span>
              <span className="muted">{amountText(t, entry)}</span>
              <span>{formatKcal((entry.per100g.energyKcal * entry.grams) / 100)}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => setEditing(entry.id)}
                aria-label={t("meal.editFood", { name: entry.name })}
              >
                {t("meal.edit")}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void act(deleteMealEntry(entry.id))}
                aria-label={t("meal.deleteFood", { name: entry.name })}
              >
                {t("meal.delete")}
              </button>
            </li>
          ),
        )}
      </ul>
      {adding ? (
        children
      ) : (
        <button type="button" className="secondary" onClick={onAdd}>
          {t("meal.addFood", { meal: mealName })}
        </button>
      )}
      <MealTools meal={meal} date={date} entries={entries} />
    </section>
  );
}
