import { useTranslation } from "../../i18n";
import { formatNumber, formatPercent } from "../../i18n/format";
import type { FoodIndexState } from "./use-food-index";

/** Download progress of the food database on the first visit, then how many foods are ready offline. */
export function FoodIndexStatus({ state }: { state: FoodIndexState }) {
  const { t } = useTranslation("nutrition");
  if (state.status === "ready") {
    return (
      <p className="muted food-index-status" data-testid="food-index-status" data-ready="true">
        {t("index.ready", { count: state.foodCount, foods: formatNumber(state.foodCount) })}
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p role="alert" className="food-index-status">
        {t("index.failed")}
      </p>
    );
  }
  const { progress } = state;
  const fraction = progress ? progress.loadedBytes / progress.totalBytes : 0;
  const pct = Math.round(fraction * 100);
  return (
    <div className="food-index-status" data-testid="food-index-status" data-ready="false">
      <span className="muted">
        {progress ? t("index.loadingPercent", { percent: formatPercent(fraction) }) : t("index.loading")}
      </span>
      <progress className="progress" max={100} value={pct} aria-label={t("index.progress")} />
    </div>
  );
}
