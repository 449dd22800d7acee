// `npm run bench [-- --quick] [--json] [--write-baseline]`: pose, API load, sync and page-load
// benchmarks in one go. Writes bench/report.json, bench/report.md and its SVG charts; compares with
// bench/baseline.json. With --json the last stdout line is the report object.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchApi } from "./api-bench.ts";
import { benchLoad } from "./load-bench.ts";
import { benchMemory } from "./memory-bench.ts";
import { benchPlans } from "./plans-bench.ts";
import { benchImport } from "./import-bench.ts";
import { benchNutrition } from "../nutrition/bench.ts";
import { benchPose } from "./pose-bench.ts";
import { charts, checkGoals, compareWithBaseline, markdown, type BenchReport } from "./report.ts";
import { snapshotApp, startBenchServer, waitForQuiet, waitUntilSettled } from "./server.ts";
import { benchSync } from "./sync-bench.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "write-baseline": { type: "boolean", default: false },
    "skip-pose": { type: "boolean", default: false },
  },
});
const quick = values.quick;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const BENCH_DIR = "bench";

async function section<T>(name: string, run: () => Promise<T>): Promise<T | { skipped: string }> {
  try {
    return await run();
  } catch (err) {
    log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { skipped: `${name} failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

log("building a frozen snapshot of the app (vite build + wrangler bundle)…");
const app = snapshotApp();
log("starting it under wrangler dev (quiet, request log off)…");
const server = await startBenchServer(app);
/** Between sections on the server: it answers again, and the machine is quiet. */
const settle = async () => {
  await waitUntilSettled(server);
  await waitForQuiet(log);
};
const report: BenchReport = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: { cpus: availableParallelism(), node: process.version },
  pose: null,
  api: null,
  sync: null,
  load: null,
};
try {
  report.api = await section("api", () =>
    benchApi(
      server,
      { users: 1000, stepS: quick ? 10 : 20, warmupS: quick ? 2 : 3, refine: quick ? 1 : 2 },
      log,
    ),
  );
  await section("settle", settle);
  report.sync = await section("sync", () => benchSync(server, 10_000, log));
  await section("settle", settle);
  report.load = await section("load", () => benchLoad(server, app.distDir, quick ? 1 : 3, log));
  report.nutrition = await section("nutrition", () =>
    benchNutrition(server, app.distDir, quick ? 2 : 5, log),
  );
  report.import = await section("import", () => benchImport(server, quick ? 1 : 3, log));
} finally {
  await server.stop();
}
// Each browser-heavy section starts on a quiet machine: not while the last one's browser winds down.
report.memory = await section("memory", async () => {
  await waitForQuiet(log);
  return benchMemory(app.distDir, quick ? 150 : 600, log);
});
report.plans = await section("plans", () => benchPlans(quick ? 100 : 300, log));
report.pose = values["skip-pose"]
  ? { skipped: "--skip-pose" }
  : await section("pose", async () => {
      await waitForQuiet(log);
      return benchPose(quick, quick ? 420_000 : 900_000, log);
    });

const baselinePath = join(BENCH_DIR, "baseline.json");
const baseline: unknown = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, "utf8")) : null;
const goals = checkGoals(report);
const moves = baseline === null ? null : compareWithBaseline(report, baseline);
const chartSvgs = charts(report);
for (const [file, svg] of Object.entries(chartSvgs)) writeFileSync(join(BENCH_DIR, file), svg);
const full = { ...report, goals, baselineMoves: moves };
writeFileSync(join(BENCH_DIR, "report.json"), `${JSON.stringify(full, null, 2)}\n`);
writeFileSync(join(BENCH_DIR, "report.md"), markdown(report, goals, moves, Object.keys(chartSvgs)));
if (values["write-baseline"]) writeFileSync(baselinePath, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${BENCH_DIR}/report.json and ${BENCH_DIR}/report.md`);
for (const g of goals)
  log(
    `  ${g.met === null ? "n/a " : g.met ? "ok  " : "MISS"} ${g.figure}: ${g.value ?? "–"} (goal ${g.goal})`,
  );
if (values.json) process.stdout.write(`${JSON.stringify(full)}\n`);
