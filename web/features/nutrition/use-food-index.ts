import { useEffect, useState } from "react";
import { loadFoodIndex } from "./food-search-client";
import type { IndexProgress } from "./food-search-types";

export type FoodIndexState =
  | { status: "loading"; progress: IndexProgress | null }
  | { status: "ready"; foodCount: number }
  | { status: "error"; message: string };

/** Starts (or joins) the food index load and follows its progress. */
export function useFoodIndex(): FoodIndexState {
  const [state, setState] = useState<FoodIndexState>({ status: "loading", progress: null });
  useEffect(() => {
    let live = true;
    loadFoodIndex((progress) => {
      if (live) setState({ status: "loading", progress });
    })
      .then((foodCount) => live && setState({ status: "ready", foodCount }))
      .catch((err: unknown) => {
        // The page words the failure in the language on screen; the detail goes to the console.
        console.warn("Spotter: the food index could not be loaded", err);
        if (live) setState({ status: "error", message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
