// Turns the sections into report.json / report.md: each figure against its goal, and each figure
// compared with the committed baseline (moves over 10 % are marked).
import { barChart, lineChart } from "./svg.ts";

export interface BenchReport {
  generatedAt: string;
  quick: boolean;
  machine: { cpus: number; node: string };
  pose: unknown;
  api: unknown;
  sync: unknown;
  load: unknown;
  /** Plan recommendation speed in Chromium; absent from reports made before it was measured. */
  plans?: unknown;
  /** Food search, day and trend renders, index size; absent from reports made before it was measured. */
  nutrition?: unknown;
  /** Browser process tree and JS heaps during a live set; absent from reports made before it was measured. */
  memory?: unknown;
  /** 50,000 sets imported through the Import page; absent from reports made before it was measured. */
  import?: unknown;
}

export interface GoalCheck {
  figure: string;
  value: number | null;
  goal: string;
  met: boolean | null;
}

export interface BaselineMove {
  figure: string;
  baseline: number;
  now: number;
  changePct: number;
}

/** Numeric leaves as `section.path` → value; arrays (time series) and strings are left out. */
export function flattenNumbers(value: unknown, prefix = ""): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof value === "number" && Number.isFinite(value)) out.set(prefix, value);
  else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [k, v] of flattenNumbers(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

/** Figures present in both reports whose value moved more than `thresholdPct` percent. */
export function compareWithBaseline(now: unknown, baseline: unknown, thresholdPct = 10): BaselineMove[] {
  const before = flattenNumbers(baseline);
  const moves: BaselineMove[] = [];
  for (const [figure, value] of flattenNumbers(now)) {
    const base = before.get(figure);
    if (base === undefined || figure.startsWith("machine.")) continue;
    const changePct = base === 0 ? (value === 0 ? 0 : Infinity) : ((value - base) / Math.abs(base)) * 100;
    if (Math.abs(changePct) > thresholdPct)
      moves.push({ figure, baseline: base, now: value, changePct: Math.round(changePct) });
  }
  return moves;
}

const num = (figures: Map<string, number>, key: string) => figures.get(key) ?? null;

function check(figure: string, value: number | null, goal: string, ok: (v: number) => boolean): GoalCheck {
  return { figure, value, goal, met: value === null ? null : ok(value) };
}

/** The goals for this 2-core machine. */
export function checkGoals(report: BenchReport): GoalCheck[] {
  const f = flattenNumbers(report);
  return [
    check(
      "api.capacityVsBare (app mix / bare Worker)",
      num(f, "api.capacityVsBare"),
      ">= 0.5",
      (v) => v >= 0.5,
    ),
    check("api.simulatedUsers", num(f, "api.simulatedUsers"), ">= 1000", (v) => v >= 1000),
    check("api.p99Ms at capacity", num(f, "api.p99Ms"), "<= 100 ms", (v) => v <= 100),
    check("api.non2xx at capacity", num(f, "api.non2xx"), "= 0", (v) => v === 0),
    check("api.dbQueriesMax (D1 round trips)", num(f, "api.dbQueriesMax"), "<= 2", (v) => v <= 2),
    check("api.cpuMsPerRequest at capacity", num(f, "api.cpuMsPerRequest"), "<= 5 ms", (v) => v <= 5),
    check(
      "plans.recommendP95Ms (2-year log, after a set)",
      num(f, "plans.recommendP95Ms"),
      "<= 20 ms",
      (v) => v <= 20,
    ),
    // The first recommendation after the app opens (the replay kept on the device): the same goal applies.
    check(
      "plans.coldP95Ms (first call after opening, replay kept on device)",
      num(f, "plans.coldP95Ms"),
      "<= 20 ms",
      (v) => v <= 20,
    ),
    check(
      "nutrition.searchP95Ms (per keystroke)",
      num(f, "nutrition.searchP95Ms"),
      "<= 10 ms",
      (v) => v <= 10,
    ),
    check("nutrition.dayRenderMs (30 entries)", num(f, "nutrition.dayRenderMs"), "<= 50 ms", (v) => v <= 50),
    check(
      "nutrition.trendRenderMs (90 days)",
      num(f, "nutrition.trendRenderMs"),
      "<= 100 ms",
      (v) => v <= 100,
    ),
    check("import.totalS (50,000 sets)", num(f, "import.totalS"), "<= 20 s", (v) => v <= 20),
    check("import.tasksOver200Ms (main thread)", num(f, "import.tasksOver200Ms"), "= 0", (v) => v === 0),
    check("sync.seconds (10k records)", num(f, "sync.seconds"), "<= 2 s", (v) => v <= 2),
    check("sync.ratioToBulkPut", num(f, "sync.ratioToBulkPut"), "<= 1.5", (v) => v <= 1.5),
    check("load.shellJsGzipKb", num(f, "load.shellJsGzipKb"), "<= 150 KB", (v) => v <= 150),
    check("load.warmOfflineUsableMs", num(f, "load.warmOfflineUsableMs"), "<= 1000 ms", (v) => v <= 1000),
    check("load.warmUsableVsShellPaint", num(f, "load.warmUsableVsShellPaint"), "<= 1.2", (v) => v <= 1.2),
    check("pose.real.costVsFloor (720p, lite)", num(f, "pose.real.costVsFloor"), "<= 1.15", (v) => v <= 1.15),
    check("pose.real.cost720pVs360p", num(f, "pose.real.cost720pVs360p"), "<= 1.1", (v) => v <= 1.1),
    check(
      "pose.upload.speedupVsSingleWorker (real clips)",
      num(f, "pose.upload.speedupVsSingleWorker"),
      ">= 1.7",
      (v) => v >= 1.7,
    ),
    check("memory.liveTreeMb (over idle, PSS)", num(f, "memory.liveTreeMb"), "<= 300 MB", (v) => v <= 300),
    check("memory.tenMinuteGrowthPct", num(f, "memory.tenMinuteGrowthPct"), "<= 5 %", (v) => v <= 5),
  ];
}

export interface Charts {
  [fileName: string]: string;
}

/** SVG charts for the report, keyed by file name. */
export function charts(report: BenchReport): Charts {
  const out: Charts = {};
  const api = report.api as {
    p99BySecondMs?: number[];
    endpoints?: Record<string, { p50Ms: number | null }>;
  };
  if (Array.isArray(api?.p99BySecondMs)) {
    out["report-api-p99.svg"] = lineChart(
      "API p99 latency per second (open loop)",
      "ms",
      api.p99BySecondMs,
      100,
    );
  }
  if (api?.endpoints) {
    const bars = Object.entries(api.endpoints).map(([label, e]) => ({
      label: label.replace(/^(GET|POST|PUT) \/api/, "$1 "),
      value: e.p50Ms ?? 0,
    }));
    const health = api.endpoints["GET /api/health"]?.p50Ms;
    out["report-api-p50.svg"] = barChart(
      "p50 latency by endpoint (goal: within 2x health)",
      "ms",
      bars,
      health ? health * 2 : undefined,
    );
  }
  return out;
}

const show = (v: number | null) => (v === null ? "–" : String(v));

export function markdown(
  report: BenchReport,
  goals: GoalCheck[],
  moves: BaselineMove[] | null,
  chartFiles: string[],
): string {
  const lines = [
    `# Spotter benchmark report`,
    ``,
    `${report.generatedAt} · ${report.quick ? "quick" : "full"} run · ${report.machine.cpus} CPUs · Node ${report.machine.node}`,
    ``,
    `## Goals`,
    ``,
    `| Figure | Value | Goal | Met |`,
    `| --- | --- | --- | --- |`,
    ...goals.map(
      (g) =>
        `| ${g.figure} | ${show(g.value)} | ${g.goal} | ${g.met === null ? "n/a" : g.met ? "yes" : "**no**"} |`,
    ),
    ``,
    `## Compared with bench/baseline.json`,
    ``,
  ];
  if (moves === null) lines.push("No baseline yet: this run can become it (`--write-baseline`).");
  else if (moves.length === 0) lines.push("Nothing moved more than 10 %.");
  else {
    lines.push(`| Figure | Baseline | Now | Change |`, `| --- | --- | --- | --- |`);
    lines.push(
      ...moves.map(
        (m) =>
          `| ${m.figure} | ${m.baseline} | ${m.now} | **${m.changePct > 0 ? "+" : ""}${m.changePct} %** |`,
      ),
    );
  }
  lines.push(``, `## Charts`, ``, ...chartFiles.map((f) => `![${f}](${f})`), ``);
  for (const section of ["api", "sync", "load", "pose", "plans", "nutrition", "memory", "import"] as const) {
    if (report[section] === undefined) continue;
    lines.push(`## ${section}`, ``, "```json", JSON.stringify(report[section], null, 2), "```", ``);
  }
  return lines.join("\n");
}
