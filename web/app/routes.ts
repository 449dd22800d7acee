import type { ComponentType } from "react";
import type { english } from "../i18n/resources";
import { TrainRoute } from "../features/train/TrainRoute";
import { retryableLazy } from "./retryable-lazy";

/** A route's name in the catalogue (`common:routes.*`). */
export type RouteLabel = keyof (typeof english)["common"]["routes"];

export interface AppRoute {
  path: string;
  label: RouteLabel;
  /** A single glyph for the compact navigation bar. */
  icon: string;
  /**
   * Where the shell links to it: "tab" for what people do, "top" for the one-tap links in the top
   * bar, "profile" for pages reached from Profile (no link in the shell).
   */
  place: "tab" | "top" | "profile";
  page: ComponentType;
}

// Each feature is its own chunk, so the shell stays small and Train is usable quickly.
export const ROUTES: AppRoute[] = [
  {
    path: "/train",
    label: "train",
    icon: "●",
    place: "tab",
    // Not lazy through Suspense: see TrainRoute (React's fallback throttle held Train back 300 ms).
    page: TrainRoute,
  },
  {
    path: "/analyze",
    label: "analyze",
    icon: "▶",
    place: "tab",
    page: retryableLazy(() => import("../features/analyze/AnalyzePage")),
  },
  {
    path: "/log",
    label: "log",
    icon: "☰",
    place: "tab",
    page: retryableLazy(() => import("../features/log/LogPage")),
  },
  {
    path: "/plan",
    label: "plan",
    icon: "▦",
    place: "tab",
    page: retryableLazy(() => import("../features/plan/PlanPage")),
  },
  {
    path: "/nutrition",
    label: "nutrition",
    icon: "◍",
    place: "tab",
    page: retryableLazy(() => import("../features/nutrition/NutritionPage")),
  },
  {
    path: "/library",
    label: "library",
    icon: "◆",
    place: "top",
    page: retryableLazy(() => import("../features/library/LibraryPage")),
  },
  {
    path: "/profile",
    label: "profile",
    icon: "◉",
    place: "top",
    page: retryableLazy(() => import("../features/profile/ProfilePage")),
  },
  {
    // Diagnostics, linked from Profile: device and server figures are not a daily task.
    path: "/performance",
    label: "diagnostics",
    icon: "◔",
    place: "profile",
    page: retryableLazy(() => import("../features/performance/PerformancePage")),
  },
  {
    // Import and export, linked from Profile and the Log: done once in a while, not every day.
    path: "/import",
    label: "import",
    icon: "⇅",
    place: "profile",
    page: retryableLazy(() => import("../features/import/ImportPage")),
  },
];

/** The shell link to mark as current: Profile's while one of its pages (Diagnostics) is open. */
export function currentLinkPath(location: string): string | undefined {
  const route = ROUTES.find((r) => location === r.path || location.startsWith(`${r.path}/`));
  return route?.place === "profile" ? "/profile" : route?.path;
}
