// The `sync` section: 10,000 records pulled through the app's sync client (web/sync) into IndexedDB
// in a disk-backed Chromium profile, against a plain Dexie bulkPut of the same rows in the same page,
// the two taking turns going first, each run once the machine is quiet. One warm-up pull, then
// `runs` measured ones (each into a fresh database); figures are medians with the slowest run as
// the tail. Alone: `npx tsx scripts/bench/sync-bench.ts [--build] [--runs N]`
// (`--build` makes the frozen snapshot first: run that under the e2e lock). With
// `SYNC_BENCH_COMPARE_LIMIT=1000` each run also pulls with pages of at most 1,000 (the two in turn)
// and prints both medians: the page size's effect measured under the same load.
import { pathToFileURL } from "node:url";
import { MAX_PULL_LIMIT } from "../../shared/schemas/sync.ts";
import { push, pushBody, signUpUser, workoutMutations } from "./api-users.ts";
import { openProfile } from "./browser.ts";
import { loadNow, runSectionAlone, waitForQuiet, type BenchServer } from "./server.ts";
import { median, percentile, round } from "./stats.ts";

export interface SyncFigures {
  rows: number;
  /** Median pull+apply time of the measured runs. */
  seconds: number;
  secondsMax: number;
  rowsPerSecond: number;
  bulkPutSeconds: number;
  /** Median over the measured runs of (pull+apply time / plain bulkPut time), each pair in one page. */
  ratioToBulkPut: number;
  ratioToBulkPutMax: number;
  /** Median over the runs of the time spent waiting for a page no apply overlapped (first page included). */
  waitSeconds: number;
  /** Median over the runs of the time spent applying pages (IndexedDB transactions included). */
  applySeconds: number;
  /** Median over the runs of the time spent checking pulled values against the record schemas. */
  checkSeconds: number;
  /** Pull requests a sync made (pages grow from web/sync's first page size to the limit). */
  requests: number;
  /** The largest pull answer's JSON, in KB (decoded). */
  largestPageKb: number;
  /** Median over the runs of the Worker's CPU (workerd, local D1 included) during a sync. */
  workerCpuSeconds: number;
  runs: number;
  /** `uptime` when the section ran: other work on the machine moves these figures. */
  load: string;
  via: string;
}

interface RunResult {
  /** How long each page's apply took, in order (the last has no fetch beside it). */
  pageMs: number[];
  /** Each pull from request to parsed answer (JSON and its envelope checked), in order. */
  fetchMs: number[];
  /** Time spent checking pulled values against the record schemas (web/sync preparePage). */
  checkSeconds: number;
  /** Decoded size of each pull answer, in KB. */
  pageKb: number[];
  workerCpuSeconds: number;
  waitSeconds: number;
  applySeconds: number;
  rows: number;
  pullSeconds: number;
  rowsPerSecond: number;
  bulkPutSeconds: number;
  ratioToBulkPut: number;
}

interface SyncBenchWindow {
  __spotterSyncBench?: (
    pullLimit: number,
    username: string,
    bulkPutFirst?: boolean,
  ) => Promise<
    Omit<
      RunResult,
      "waitSeconds" | "applySeconds" | "checkSeconds" | "pageMs" | "fetchMs" | "pageKb" | "workerCpuSeconds"
    >
  >;
}

const SETS_PER_WORKOUT = 4;
const MUTATIONS_PER_PUSH = 100;
/** The largest page the app asks for. */
const PULL_LIMIT = MAX_PULL_LIMIT;

export async function benchSync(
  server: BenchServer,
  records: number,
  log: (line: string) => void,
  runs = 6,
  /** A smaller largest page to measure in turn with the app's (`SYNC_BENCH_COMPARE_LIMIT`), or none. */
  compareLimit?: number,
): Promise<SyncFigures> {
  const { origin } = server;
  const user = await signUpUser(origin, "syncbench");
  const workoutsPerPush = MUTATIONS_PER_PUSH / (SETS_PER_WORKOUT + 1);
  const pushes = Math.ceil(records / MUTATIONS_PER_PUSH);
  log(`sync: seeding ${pushes * MUTATIONS_PER_PUSH} records through ${pushes} pushes…`);
  const clientId = crypto.randomUUID();
  for (let p = 0; p < pushes; p++) {
    const mutations = workoutMutations(workoutsPerPush, SETS_PER_WORKOUT, p * MUTATIONS_PER_PUSH + 1);
    await push(origin, user, pushBody(mutations, clientId));
  }
  const profile = await openProfile();
  try {
    const [name, value] = user.cookie.split("=") as [string, string];
    await profile.context.addCookies([{ name, value, url: origin }]);
    const page = await profile.context.newPage();
    await page.goto(`${origin}/performance?bench=sync`);
    await page.waitForFunction(() => (window as SyncBenchWindow).__spotterSyncBench !== undefined);
    const measure = async (limit: number, bulkPutFirst = false): Promise<RunResult> => {
      // web/sync/pull-all.ts measures each page's wait and apply: the run's split of its time.
      const workerCpuBefore = server.workerdCpuS();
      const measured = await page.evaluate(
        async ({ username, limit, bulkPutFirst }) => {
          performance.clearMeasures();
          performance.clearResourceTimings();
          const run = await (window as SyncBenchWindow).__spotterSyncBench!(limit, username, bulkPutFirst);
          // No named functions in here: tsx's helpers for them do not exist in the page.
          const [wait, apply, check] = ["sync: wait for page", "sync: apply page", "sync: check page"].map(
            (name) => performance.getEntriesByName(name).reduce((t, e) => t + e.duration, 0) / 1000,
          );
          const pages = performance.getEntriesByName("sync: apply page").map((e) => Math.round(e.duration));
          const pageKb = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
            .filter((e) => e.name.includes("/api/sync/pull"))
            .map((e) => Math.round(e.decodedBodySize / 1024));
          const fetchMs = performance.getEntriesByName("sync: fetch page").map((e) => Math.round(e.duration));
          return {
            ...run,
            waitSeconds: wait ?? NaN,
            applySeconds: apply ?? NaN,
            checkSeconds: check ?? NaN,
            pageMs: pages,
            fetchMs,
            pageKb,
          };
        },
        { username: user.username, limit, bulkPutFirst },
      );
      // The Worker is idle during the bulkPut, so this is the sync's share.
      const r: RunResult = { ...measured, workerCpuSeconds: server.workerdCpuS() - workerCpuBefore };
      log(
        `sync: ${bulkPutFirst ? "bulkPut first; " : ""}${r.pullSeconds.toFixed(2)} s (waiting ${r.waitSeconds.toFixed(2)}, applying ${r.applySeconds.toFixed(2)}); bulkPut ${r.bulkPutSeconds.toFixed(2)} s; ${r.ratioToBulkPut.toFixed(2)}×; ${r.pageKb.length} pulls of ${r.pageKb.join(", ")} KB in ${r.fetchMs.join(", ")} ms, schema checks ${r.checkSeconds.toFixed(2)} s, Worker CPU ${r.workerCpuSeconds.toFixed(2)} s; writes of ${r.pageMs.join(", ")} ms`,
      );
      return r;
    };
    const results: RunResult[] = [];
    const compared: RunResult[] = [];
    for (let i = 0; i <= runs; i++) {
      // What the browser's storage does after the last run's deletes is not this run's work.
      if (i > 0) await waitForQuiet();
      log(`sync: ${i === 0 ? "warm-up pull" : `pull ${i}/${runs}`} into IndexedDB…`);
      // With a comparison, the two page sizes take turns going first.
      if (compareLimit && i % 2 === 1) compared.push(await measure(compareLimit));
      // The sync and the bulkPut take turns going first (the warm-up's sync goes first).
      const r = await measure(PULL_LIMIT, i % 2 === 0 && i > 0);
      if (compareLimit && i % 2 === 0) compared.push(await measure(compareLimit));
      if (i > 0) results.push(r);
    }
    if (compareLimit) {
      const sum = (rs: RunResult[]) =>
        `median ${median(rs.map((r) => r.ratioToBulkPut))?.toFixed(2)}× a bulkPut (runs ${rs.map((r) => r.ratioToBulkPut.toFixed(2)).join(", ")}), Worker CPU ${median(rs.map((r) => r.workerCpuSeconds))?.toFixed(2)} s`;
      log(`sync: pages growing to ${PULL_LIMIT}: ${sum(results)}`);
      log(`sync: pages of at most ${compareLimit}, same runs in turn: ${sum(compared.slice(1))}`);
    }
    const pick = (f: (r: RunResult) => number, q: number) => percentile(results.map(f), q) ?? NaN;
    const seconds = median(results.map((r) => r.pullSeconds)) ?? NaN;
    return {
      rows: results[0]?.rows ?? 0,
      seconds: round(seconds, 3),
      secondsMax: round(
        pick((r) => r.pullSeconds, 1),
        3,
      ),
      rowsPerSecond: round((results[0]?.rows ?? 0) / seconds, 0),
      bulkPutSeconds: round(median(results.map((r) => r.bulkPutSeconds)) ?? NaN, 3),
      ratioToBulkPut: round(median(results.map((r) => r.ratioToBulkPut)) ?? NaN),
      ratioToBulkPutMax: round(pick((r) => r.ratioToBulkPut, 1)),
      waitSeconds: round(median(results.map((r) => r.waitSeconds)) ?? NaN, 3),
      applySeconds: round(median(results.map((r) => r.applySeconds)) ?? NaN, 3),
      checkSeconds: round(median(results.map((r) => r.checkSeconds)) ?? NaN, 3),
      requests: results[0]?.pageKb.length ?? 0,
      largestPageKb: Math.max(...results.flatMap((r) => r.pageKb)),
      workerCpuSeconds: round(median(results.map((r) => r.workerCpuSeconds)) ?? NaN, 3),
      runs,
      load: loadNow(),
      via: `web/sync syncOnce (pull pages growing to ${PULL_LIMIT}, applyPulledPage) in /performance?bench=sync`,
    };
  } finally {
    await profile.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await runSectionAlone("sync", 6, (server, _distDir, runs, log) =>
    benchSync(server, 10_000, log, runs, Number(process.env.SYNC_BENCH_COMPARE_LIMIT) || undefined),
  );
