import { useState } from "react";
import { useTranslation } from "../../i18n";
import type { MealEntryRow } from "../../db/records";
import { addDays } from "../../../shared/nutrition/days";
import type { Meal } from "../../../shared/schemas/nutrition";
import { formatGrams, messageOf } from "./labels";
import { copyEntries, saveRecipe } from "./nutrition-store";

/** A meal's extras: copy it from the day before, or save what is in it as a recipe. */
export function MealTools({ meal, date, entries }: { meal: Meal; date: string; entries: MealEntryRow[] }) {
  const { t } = useTranslation("nutrition");
  const mealName = t(`meals.${meal}`);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [servings, setServings] = useState("1");
  const [status, setStatus] = useState<string | null>(null);

  const copy = () =>
    copyEntries(addDays(date, -1), date, meal)
      .then((n) =>
        setStatus(n ? t("tools.copiedMeal", { count: n }) : t("tools.mealWasEmpty", { meal: mealName })),
      )
      .catch((err: unknown) => setStatus(messageOf(err)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const count = servings.trim() === "" ? Number.NaN : Number(servings);
      const food = await saveRecipe(name, entries, count, t("customFood.defaultPortion"));
      const grams = formatGrams(Math.round(food.portion?.grams ?? 0));
      setStatus(t("tools.savedRecipe", { name: food.name, grams }));
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
          {t("tools.copyMeal")}
        </button>
        {entries.length > 0 && (
          <button type="button" className="secondary" onClick={() => setNaming((n) => !n)}>
            {t("tools.saveAsRecipe")}
          </button>
        )}
      </div>
      {naming && (
        <form
          className="amount-row"
          aria-label={t("tools.recipeForm", { meal: mealName })}
          onSubmit={(e) => void save(e)}
        >
          <label>
            {t("tools.recipeName")}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          </label>
          <label>
            {t("tools.servings")}
            <input
              type="number"
              min="1"
              step="1"
              value={servings}
              onChange={(e) => setServings(e.target.value)}
            />
          </label>
          <button type="submit">{t("tools.saveRecipe")}</button>
        </form>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}
