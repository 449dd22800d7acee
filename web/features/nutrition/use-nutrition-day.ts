import { useMemo } from "react";
import { useLiveQuery } from "dexie-react-hooks";
import { getProfile } from "../../db/queries";
import { DEFAULT_TARGET_SETTINGS, effectiveTargets } from "../../../shared/nutrition/effective-targets";
import { daysEndingOn } from "../../../shared/nutrition/days";
import { dayTotals, energyByDay, rankRecentFoods } from "../../../shared/nutrition/meal-log";
import { localDay } from "../../db/ids";
import type { FoodChoice } from "./food-search-types";
import {
  bodyWeightsSince,
  customFoods,
  entriesBetween,
  entriesOfDay,
  latestEntries,
  savedTargets,
} from "./nutrition-queries";

/** Everything the Nutrition page shows for `date` (and the `trendDays` before it), live from IndexedDB. */
export function useNutritionDay(date: string, trendDays: number) {
  const entries = useLiveQuery(() => entriesOfDay(date), [date]);
  const days = useMemo(() => daysEndingOn(date, trendDays), [date, trendDays]);
  const weekEntries = useLiveQuery(() => entriesBetween(days[0]!, date), [date, days]);
  const weights = useLiveQuery(
    () => bodyWeightsSince(Date.parse(`${days[0]}T00:00:00`) - 86_400_000),
    [days],
  );
  const foods = useLiveQuery(customFoods, []);
  const recent = useLiveQuery(async () => rankRecentFoods(await latestEntries(200), Date.now()), []);
  const profile = useLiveQuery(getProfile, []);
  const saved = useLiveQuery(savedTargets, []);

  const totals = useMemo(() => dayTotals(entries ?? []), [entries]);
  const target = useMemo(() => {
    if (!profile) return null;
    return effectiveTargets(saved ?? DEFAULT_TARGET_SETTINGS, profile, new Date().getFullYear());
  }, [profile, saved]);
  const customChoices = useMemo<FoodChoice[]>(
    () =>
      (foods ?? []).map((food) => ({
        ref: { source: "custom", foodId: food.id },
        name: food.name,
        per100g: food.per100g,
        portions: food.portion ? [food.portion] : [],
        barcode: food.barcode,
      })),
    [foods],
  );
  const recentFoods = useMemo<FoodChoice[]>(
    () =>
      (recent ?? []).map((entry) => ({
        ref: entry.food,
        name: entry.name,
        per100g: entry.per100g,
        portions: entry.portion ? [{ label: entry.portion.label, grams: entry.portion.grams }] : [],
      })),
    [recent],
  );
  const trend = useMemo(() => {
    const byDay = new Map((weights ?? []).map((w) => [localDay(w.measuredAt), w.weightKg ?? null]));
    return {
      days,
      energyKcal: energyByDay(weekEntries ?? [], days),
      weightKg: days.map((d) => byDay.get(d) ?? null),
    };
  }, [days, weekEntries, weights]);

  return {
    loaded: entries !== undefined,
    entries: entries ?? [],
    totals,
    target,
    saved,
    customChoices,
    recentFoods,
    trend,
    latestWeight: weights?.at(-1),
  };
}
