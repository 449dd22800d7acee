// `/nutrition?bench=nutrition` installs `window.__spotterNutritionBench` for `npm run bench`
// (scripts/nutrition/bench.ts): search keystrokes through the app's own worker, and the day and
// trend views rendered with their real components.
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { MEALS } from "../../../../shared/schemas/nutrition";
import { daysEndingOn } from "../../../../shared/nutrition/days";
import { dayTotals, energyByDay } from "../../../../shared/nutrition/meal-log";
import type { MealEntryRow } from "../../../db/records";
import { DayTotals } from "../DayTotals";
import { foodSearchWorker, loadFoodIndex } from "../food-search-client";
import { MealSection } from "../MealSection";
import { WeekTrend } from "../WeekTrend";

export interface NutritionBenchResult {
  keystrokes: number;
  searchTimesMs: number[];
  /** From navigation start to the first answer of a search (index downloaded and built). */
  firstSearchMs: number;
  dayRenderTimesMs: number[];
  trendRenderTimesMs: number[];
}

declare global {
  interface Window {
    __spotterNutritionBench?: (queries: string[], rounds: number) => Promise<NutritionBenchResult>;
  }
}

/** A macrotask without timer clamping: lets uPlot's queued drawing finish before the clock stops. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

function syntheticDay(count: number): MealEntryRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `01937a2b-8c4d-7e5f-9a6b-${String(i).padStart(12, "0")}`,
    date: "2026-03-01",
    meal: MEALS[i % MEALS.length]!,
    food: { source: "usda", ndb: "01123" },
    name: `Food number ${i}, cooked, with a name as long as SR names get`,
    grams: 50 + i,
    portion: i % 3 === 0 ? { label: "1 large", grams: 50, count: 1 + (i % 2) } : null,
    per100g: {
      energyKcal: 143,
      proteinG: 12.6,
      fatG: 9.5,
      carbG: 0.7,
      fiberG: 0,
      sugarG: 0.4,
      saturatedFatG: 3.1,
      sodiumMg: 142,
    },
    loggedAt: 1_772_000_000_000 + i,
    updatedAt: 1_772_000_000_000 + i,
  }));
}

async function timeRender(render: () => React.ReactNode, rounds: number): Promise<number[]> {
  const host = document.createElement("div");
  document.body.append(host);
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const root = createRoot(host);
    const t0 = performance.now();
    flushSync(() => root.render(render()));
    await nextTask();
    out.push(performance.now() - t0);
    root.unmount();
  }
  host.remove();
  return out;
}

async function run(queries: string[], rounds: number): Promise<NutritionBenchResult> {
  await loadFoodIndex(() => undefined);
  const worker = foodSearchWorker();
  await worker.search("egg", 20);
  const firstSearchMs = performance.now();
  const searchTimesMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        const t0 = performance.now();
        await worker.search(query.slice(0, n), 20);
        if (r > 0) searchTimesMs.push(performance.now() - t0); // round 0 warms up
      }
    }
  }
  const entries = syntheticDay(30);
  const totals = dayTotals(entries);
  const dayRenderTimesMs = await timeRender(
    () => (
      <>
        <DayTotals total={totals.day} targets={{ energyKcal: 2200, proteinG: 150, carbG: 220, fatG: 70 }} />
        {MEALS.map((meal) => (
          <MealSection
            key={meal}
            meal={meal}
            date="2026-03-01"
            entries={entries.filter((e) => e.meal === meal)}
            total={totals.byMeal[meal]}
            adding={false}
            onAdd={() => undefined}
          />
        ))}
      </>
    ),
    rounds * 4,
  );
  const days = daysEndingOn("2026-03-01", 90);
  const spread = days.map((date, i) => ({ ...entries[0]!, date, grams: 1000 + (i % 7) * 100 }));
  const kcal = energyByDay(spread, days);
  const weights = days.map((_, i) => (i % 3 === 0 ? 80 - i / 30 : null));
  const trendRenderTimesMs = await timeRender(
    () => <WeekTrend days={days} energyKcal={kcal} targetKcal={2200} weightKg={weights} />,
    rounds * 4,
  );
  return {
    keystrokes: searchTimesMs.length,
    searchTimesMs,
    firstSearchMs,
    dayRenderTimesMs,
    trendRenderTimesMs,
  };
}

window.__spotterNutritionBench = run;
