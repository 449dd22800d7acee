import { useEffect, useRef, useState } from "react";
import { foodSearchWorker } from "./food-search-client";
import type { FoodChoice } from "./food-search-types";

/**
 * Results for `query`, searched in the worker so typing never waits. Answers that arrive after a
 * newer query was sent are dropped, so the list always matches what is in the box.
 */
export function useFoodSearch(query: string, ready: boolean, customFoods: FoodChoice[]): FoodChoice[] {
  const [answer, setAnswer] = useState<{ query: string; foods: FoodChoice[] }>({ query: "", foods: [] });
  const latest = useRef(0);

  useEffect(() => {
    void foodSearchWorker().setCustomFoods(customFoods);
  }, [customFoods]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) return;
    void foodSearchWorker()
      .search(query, 20)
      .then((foods) => {
        if (ticket === latest.current) setAnswer({ query, foods });
      });
  }, [query, ready, customFoods]);

  // Until the answer for this query arrives, the previous one stays (no flicker while typing).
  return query.trim() ? answer.foods : [];
}
