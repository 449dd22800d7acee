import type { ComponentType } from "react";
import { retryableLazy } from "./retryable-lazy";

export interface AppRoute {
  path: string;
  label: string;
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
    label: "Train",
    icon: "●",
    place: "tab",
    page: retryableLazy(() => import("../features/train/TrainPage")),
  },
  {
    path: "/analyze",
    label: "Analyze",
    icon: "▶",
    place: "tab",
    page: retryableLazy(() => import("../features/analyze/AnalyzePage")),
  },
  {
    path: "/log",
    label: "Log",
    icon: "☰",
    place: "tab",
    page: retryableLazy(() => import("../features/log/LogPage")),
  },
  {
    path: "/plan",
    label: "Plan",
    icon: "▦",
    place: "tab",
    page: retryableLazy(() => import("../features/plan/PlanPage")),
  },
  {
    path: "/nutrition",
    label: "Nutrition",
    icon: "◍",
    place: "tab",
    page: retryableLazy(() => import("../features/nutrition/NutritionPage")),
  },
  {
    path: "/library",
    label: "Library",
    icon: "◆",
    place: "top",
    page: retryableLazy(() => import("../features/library/LibraryPage")),
  },
  {
    path: "/profile",
    label: "Profile",
    icon: "◉",
    place: "top",
    page: retryableLazy(() => import("../features/profile/ProfilePage")),
  },
  {
    // Diagnostics, linked from Profile: device and server figures are not a daily task.
    path: "/performance",
    label: "Diagnostics",
    icon: "◔",
    place: "profile",
    page: retryableLazy(() => import("../features/performance/PerformancePage")),
  },
  {
    // Import and export, linked from Profile and the Log: done once in a while, not every day.
    path: "/import",
    label: "Import and export",
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
