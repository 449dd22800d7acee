import { useMemo, useState } from "react";
import { useTranslation } from "../../i18n";
import type { Meal } from "../../../shared/schemas/nutrition";
import { AmountForm } from "./AmountForm";
import type { FoodChoice } from "./food-search-types";
import { formatKcal, messageOf } from "./labels";
import { addMealEntry } from "./nutrition-store";
import { useFoodSearch } from "./use-food-search";

interface Props {
  date: string;
  meal: Meal;
  indexReady: boolean;
  customFoods: FoodChoice[];
  recentFoods: FoodChoice[];
  onClose: () => void;
}

/** Search as you type (recent foods while the box is empty), pick a food, give an amount, add it. */
export function AddFoodPanel({ date, meal, indexReady, customFoods, recentFoods, onClose }: Props) {
  const { t } = useTranslation("nutrition");
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<FoodChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useFoodSearch(query, indexReady, customFoods);
  const showRecent = query.trim() === "";
  const list = useMemo(() => (showRecent ? recentFoods : results), [showRecent, recentFoods, results]);

  if (chosen) {
    return (
      <AmountForm
        food={chosen}
        meal={meal}
        onCancel={() => setChosen(null)}
        onSubmit={async (amount) => {
          try {
            await addMealEntry({
              date,
              meal,
              food: chosen.ref,
              name: chosen.name,
              per100g: chosen.per100g,
              ...amount,
            });
            setChosen(null);
            setQuery("");
            setError(null);
          } catch (err) {
            setError(messageOf(err));
          }
        }}
      />
    );
  }

  return (
    <div className="add-food" role="group" aria-label={t("meal.addFood", { meal: t(`meals.${meal}`) })}>
      <div className="amount-row">
        <input
          type="search"
          autoFocus
          placeholder={indexReady ? t("search.placeholder") : t("search.placeholderLoading")}
          aria-label={t("search.label")}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="secondary" onClick={onClose}>
          {t("search.done")}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      <p className="muted">
        {showRecent ? (list.length ? t("search.recent") : t("search.typeToSearch")) : ""}
      </p>
      {!showRecent && list.length === 0 && <p className="muted">{t("search.noMatch", { query })}</p>}
      <ul className="food-results" aria-label={t("search.results")}>
        {list.map((food) => (
          <li key={food.ref.source === "usda" ? food.ref.ndb : food.ref.foodId}>
            <button type="button" className="secondary food-result" onClick={() => setChosen(food)}>
              <span>{food.name}</span>
              <span className="muted">
                {t("search.per100g", { energy: formatKcal(food.per100g.energyKcal) })}
                {food.ref.source === "custom" ? ` · ${t("search.yours")}` : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
