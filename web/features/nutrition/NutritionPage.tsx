import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n";
import { localDay } from "../../db/ids";
import { addDays } from "../../../shared/nutrition/days";
import { MEALS, type Meal } from "../../../shared/schemas/nutrition";
import { AddFoodPanel } from "./AddFoodPanel";
import { AmountForm } from "./AmountForm";
import { BarcodeLookup } from "./BarcodeLookup";
import { prefetchBarcodeReaderWhenIdle } from "./barcode-reader-prefetch";
import { BodyWeight } from "./BodyWeight";
import { CustomFoodForm } from "./CustomFoodForm";
import { DayTotals } from "./DayTotals";
import { FoodIndexStatus } from "./FoodIndexStatus";
import type { FoodChoice } from "./food-search-types";
import { messageOf } from "./labels";
import { MealSection } from "./MealSection";
import { addMealEntry, copyEntries } from "./nutrition-store";
import { TargetsPanel } from "./TargetsPanel";
import { useFoodIndex } from "./use-food-index";
import { useNutritionDay } from "./use-nutrition-day";
import { WeekTrend } from "./WeekTrend";
import "./nutrition.css";

const TREND_CHOICES_DAYS = [7, 30, 90];

export default function NutritionPage() {
  const { t } = useTranslation("nutrition");
  const [date, setDate] = useState(() => localDay(Date.now()));
  const [adding, setAdding] = useState<Meal | null>(null);
  const [creating, setCreating] = useState(false);
  const [scanned, setScanned] = useState<FoodChoice | null>(null);
  const [scannedMeal, setScannedMeal] = useState<Meal>("snacks");
  const [notice, setNotice] = useState<string | null>(null);
  const index = useFoodIndex();
  useEffect(() => {
    // `npm run bench` opens /nutrition?bench=nutrition; nobody else loads the harness.
    if (new URLSearchParams(window.location.search).get("bench") === "nutrition")
      void import("./bench/nutrition-bench");
  }, []);
  // Once the food index is settled, keep the barcode reader too, so a first scan works offline.
  const indexSettled = index.status !== "loading";
  useEffect(() => (indexSettled ? prefetchBarcodeReaderWhenIdle() : undefined), [indexSettled]);
  const [trendDays, setTrendDays] = useState(7);
  const day = useNutritionDay(date, trendDays);

  const copyYesterday = () =>
    copyEntries(addDays(date, -1), date, null)
      .then((n) => setNotice(n ? t("page.copiedDay", { count: n }) : t("page.dayBeforeEmpty")))
      .catch((err: unknown) => setNotice(messageOf(err)));

  return (
    <section className="page nutrition">
      <header className="nutrition-header">
        <h1>{t("page.title")}</h1>
        <div className="amount-row">
          <button
            type="button"
            className="secondary"
            aria-label={t("page.previousDay")}
            onClick={() => setDate(addDays(date, -1))}
          >
            ←
          </button>
          <input
            type="date"
            aria-label={t("page.day")}
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            aria-label={t("page.nextDay")}
            onClick={() => setDate(addDays(date, 1))}
          >
            →
          </button>
        </div>
      </header>
      <FoodIndexStatus state={index} />
      <DayTotals total={day.totals.day} targets={day.target?.targets ?? null} />
      {MEALS.map((meal) => (
        <MealSection
          key={meal}
          meal={meal}
          date={date}
          entries={day.entries.filter((entry) => entry.meal === meal)}
          total={day.totals.byMeal[meal]}
          adding={adding === meal}
          onAdd={() => setAdding(meal)}
        >
          <AddFoodPanel
            date={date}
            meal={meal}
            indexReady={index.status === "ready"}
            customFoods={day.customChoices}
            recentFoods={day.recentFoods}
            onClose={() => setAdding(null)}
          />
        </MealSection>
      ))}
      <div className="amount-row">
        <button type="button" className="secondary" onClick={() => void copyYesterday()}>
          {t("page.copyDayBefore")}
        </button>
        <button type="button" className="secondary" onClick={() => setCreating((c) => !c)}>
          {creating ? t("page.closeNewFood") : t("page.newFood")}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {creating && (
        <CustomFoodForm
          onSaved={(food) => (setCreating(false), setNotice(t("page.savedFood", { name: food.name })))}
        />
      )}
      <BarcodeLookup
        onFound={(food) =>
          setScanned({
            ref: { source: "custom", foodId: food.id },
            name: food.name,
            per100g: food.per100g,
            portions: food.portion ? [food.portion] : [],
          })
        }
      />
      {scanned && (
        <div className="scanned" role="group" aria-label={t("page.addFound")}>
          <label>
            {t("page.meal")}
            <select value={scannedMeal} onChange={(e) => setScannedMeal(e.target.value as Meal)}>
              {MEALS.map((meal) => (
                <option key={meal} value={meal}>
                  {t(`meals.${meal}`)}
                </option>
              ))}
            </select>
          </label>
          <AmountForm
            food={scanned}
            meal={scannedMeal}
            onCancel={() => setScanned(null)}
            onSubmit={async (amount) => {
              await addMealEntry({
                date,
                meal: scannedMeal,
                food: scanned.ref,
                name: scanned.name,
                per100g: scanned.per100g,
                ...amount,
              });
              setScanned(null);
            }}
          />
        </div>
      )}
      <label className="trend-range">
        {t("page.trendOver")}
        <select value={trendDays} onChange={(e) => setTrendDays(Number(e.target.value))}>
          {TREND_CHOICES_DAYS.map((days) => (
            <option key={days} value={days}>
              {t("page.trendDays", { count: days })}
            </option>
          ))}
        </select>
      </label>
      <WeekTrend {...day.trend} targetKcal={day.target?.targets.energyKcal ?? null} />
      <BodyWeight latest={day.latestWeight} />
      <TargetsPanel
        key={day.saved?.updatedAt ?? "new"}
        saved={day.saved}
        missing={day.target?.missing ?? []}
      />
      <p className="muted credit">{t("page.credit")}</p>
    </section>
  );
}
