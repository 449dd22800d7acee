import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export interface AppRoute {
  path: string;
  label: string;
  /** A single glyph for the compact navigation bar. */
  icon: string;
  page: LazyExoticComponent<ComponentType>;
}

// Each feature is its own chunk, so the shell stays small and Train is usable quickly.
export const ROUTES: AppRoute[] = [
  { path: "/train", label: "Train", icon: "●", page: lazy(() => import("../features/train/TrainPage")) },
  {
    path: "/analyze",
    label: "Analyze",
    icon: "▶",
    page: lazy(() => import("../features/analyze/AnalyzePage")),
  },
  { path: "/log", label: "Log", icon: "☰", page: lazy(() => import("../features/log/LogPage")) },
  {
    path: "/library",
    label: "Library",
    icon: "◆",
    page: lazy(() => import("../features/library/LibraryPage")),
  },
  { path: "/plan", label: "Plan", icon: "▦", page: lazy(() => import("../features/plan/PlanPage")) },
  {
    path: "/nutrition",
    label: "Nutrition",
    icon: "◍",
    page: lazy(() => import("../features/nutrition/NutritionPage")),
  },
  {
    path: "/performance",
    label: "Performance",
    icon: "◔",
    page: lazy(() => import("../features/performance/PerformancePage")),
  },
  {
    path: "/profile",
    label: "Profile",
    icon: "◉",
    page: lazy(() => import("../features/profile/ProfilePage")),
  },
];
