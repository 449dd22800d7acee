import type { FoodIndexState } from "./use-food-index";

/** Download progress of the food database on the first visit, then how many foods are ready offline. */
export function FoodIndexStatus({ state }: { state: FoodIndexState }) {
  if (state.status === "ready") {
    return (
      <p className="muted food-index-status" data-testid="food-index-status" data-ready="true">
        {state.foodCount.toLocaleString("en")} foods ready offline
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p role="alert" className="food-index-status">
        {state.message} Your own foods and recent foods still work.
      </p>
    );
  }
  const { progress } = state;
  const pct = progress ? Math.round((progress.loadedBytes / progress.totalBytes) * 100) : 0;
  return (
    <div className="food-index-status" data-testid="food-index-status" data-ready="false">
      <span className="muted">Loading the food database… {progress ? `${pct} %` : ""}</span>
      <progress className="progress" max={100} value={pct} aria-label="Food database download" />
    </div>
  );
}
