// The `nutrition` section of `npm run bench`: in Chromium, against the built app, search keystroke
// by keystroke through the page's own search worker (all 8,790 foods), the first search on a cold
// load, and the day (30 entries) and 90-day trend rendered by their real components. The index's
// gzipped size comes from the build output.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openProfile } from "../bench/browser.ts";
import type { BenchServer } from "../bench/server.ts";
import { median, percentile, round } from "../bench/stats.ts";

/** What the page's harness answers (web/features/nutrition/bench/nutrition-bench.tsx). */
interface NutritionBenchResult {
  keystrokes: number;
  searchTimesMs: number[];
  firstSearchMs: number;
  dayRenderTimesMs: number[];
  trendRenderTimesMs: number[];
}

/** The hook /nutrition?bench=nutrition installs. */
type BenchWindow = {
  __spotterNutritionBench?: (queries: string[], rounds: number) => Promise<NutritionBenchResult>;
};

export interface NutritionFigures {
  keystrokes: number;
  searchP50Ms: number | null;
  searchP95Ms: number | null;
  firstSearchMs: number;
  dayRenderMs: number | null;
  trendRenderMs: number | null;
  indexBytes: number;
  indexGzipKb: number;
}

/** What people type, one keystroke at a time: whole words, a typo, reversed order, plurals. */
const QUERIES = [
  "chicken breast",
  "whole milk",
  "brocoli",
  "bananas",
  "greek yogurt plain",
  "butter peanut",
  "oats",
  "salmon atlantic",
  "rice brown cooked",
  "eggs",
];

/** Size of the built food index, raw and gzipped. */
export function indexSize(distDir: string): { indexBytes: number; indexGzipKb: number } {
  const dir = join(distDir, "nutrition");
  const file = readdirSync(dir).find((name) => /^foods-v\d+\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error(`no food index in ${dir}`);
  const bytes = readFileSync(join(dir, file));
  return { indexBytes: bytes.byteLength, indexGzipKb: round(gzipSync(bytes).byteLength / 1024, 1) };
}

export async function benchNutrition(
  server: BenchServer,
  distDir: string,
  rounds: number,
  log: (line: string) => void,
): Promise<NutritionFigures> {
  const profile = await openProfile();
  try {
    const page = await profile.context.newPage();
    log("nutrition: cold load of /nutrition, then search keystrokes and renders in Chromium…");
    await page.goto(`${server.origin}/nutrition?bench=nutrition`);
    await page.waitForFunction(
      () => typeof (window as BenchWindow).__spotterNutritionBench === "function",
      null,
      {
        timeout: 60_000,
      },
    );
    const result = await page.evaluate(
      ({ queries, rounds }) => (window as BenchWindow).__spotterNutritionBench!(queries, rounds),
      { queries: QUERIES, rounds: rounds + 1 },
    );
    const p50 = percentile(result.searchTimesMs, 0.5);
    const p95 = percentile(result.searchTimesMs, 0.95);
    const day = median(result.dayRenderTimesMs);
    const trend = median(result.trendRenderTimesMs);
    return {
      keystrokes: result.keystrokes,
      searchP50Ms: p50 === null ? null : round(p50),
      searchP95Ms: p95 === null ? null : round(p95),
      firstSearchMs: round(result.firstSearchMs, 0),
      dayRenderMs: day === null ? null : round(day),
      trendRenderMs: trend === null ? null : round(trend),
      ...indexSize(distDir),
    };
  } finally {
    await profile.close();
  }
}
