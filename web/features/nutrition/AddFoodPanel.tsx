import { useMemo, useState } from "react";
import type { Meal } from "../../../shared/schemas/nutrition";
import { AmountForm } from "./AmountForm";
import type { FoodChoice } from "./food-search-types";
import { MEAL_LABELS, messageOf } from "./labels";
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
    <div className="add-food" role="group" aria-label={`Add food to ${MEAL_LABELS[meal]}`}>
      <div className="amount-row">
        <input
          type="search"
          autoFocus
          placeholder={indexReady ? "Search foods" : "Search your foods (database loading…)"}
          aria-label="Search foods"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      <p className="muted">
        {showRecent ? (list.length ? "Recent and frequent foods" : "Type to search foods.") : ""}
      </p>
      {!showRecent && list.length === 0 && <p className="muted">No food matches “{query}”.</p>}
      <ul className="food-results" aria-label="Food results">
        {list.map((food) => (
          <li key={food.ref.source === "usda" ? food.ref.ndb : food.ref.foodId}>
            <button type="button" className="secondary food-result" onClick={() => setChosen(food)}>
              <span>{food.name}</span>
              <span className="muted">
                {Math.round(food.per100g.energyKcal)} kcal/100 g
                {food.ref.source === "custom" ? " · yours" : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
