// Plan recommendation speed where it runs, in Chromium: shared/plans bundled by Vite and fed a
// synthetic two-year log (300 sessions, about 10,000 sets, half of them filmed with per-rep form and
// range), timed call by call after a warm-up. Four cases: the first call after opening the app, with
// the replay snapshot the app keeps in IndexedDB (restored and validated, then only what changed is
// replayed); the first call with no snapshot (a first visit: the whole log replayed); the call after
// logging one more set (what a person waits for between sets: the engine replays from its last
// checkpoint); and the same log read again. Every call gets a fresh copy of the log (and of the
// snapshot), as the app reads them afresh from IndexedDB; copying is not timed.
// `npx tsx scripts/bench/plans-bench.ts [--runs N]` runs this section alone.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build, type Rollup } from "vite";
import type { LoggedSession, LoggedSet, PlanInput } from "../../shared/plans/index.ts";
import { addDays, planFromProgram, programById } from "../../shared/plans/index.ts";
import { openProfile } from "./browser.ts";
import { percentile, round } from "./stats.ts";

export interface PlansBench {
  sessions: number;
  sets: number;
  runs: number;
  /** After logging one more set (the goal's figure). */
  recommendP50Ms: number | null;
  recommendP95Ms: number | null;
  /** First call after opening the app: the stored snapshot restored, then the engine's call. */
  coldP50Ms: number | null;
  coldP95Ms: number | null;
  /** First call with no snapshot (first visit, or a plan or app changed): the whole log replayed. */
  fullReplayP50Ms: number | null;
  fullReplayP95Ms: number | null;
  /** The snapshot as JSON, and one structured clone of it (about what reading it from IndexedDB costs). */
  snapshotKb: number | null;
  snapshotCloneP50Ms: number | null;
  /** The same log again, read afresh. */
  unchangedP50Ms: number | null;
  unchangedP95Ms: number | null;
}

const SESSIONS = 300;
const SETS_PER_SESSION = 33;
const ACCESSORIES = [
  "Dumbbell_Bicep_Curl",
  "Leg_Press",
  "Seated_Cable_Rows",
  "Plank",
  "Dips_-_Triceps_Version",
];

/** Two years of GZCLP, three sessions a week, with accessory work filling each session to 33 sets. */
export function twoYearInput(): PlanInput {
  const start = "2024-11-04";
  const plan = planFromProgram(programById("gzclp")!, {
    id: "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b",
    startedOn: start,
    weekdays: [1, 3, 5],
    nowMs: 0,
  });
  const sessions: LoggedSession[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const day = plan.days[i % plan.days.length]!;
    const sets: LoggedSet[] = [];
    const lifts = [...day.slots.map((s) => s.exerciseId), ...ACCESSORIES];
    for (let j = 0; sets.length < SETS_PER_SESSION; j++) {
      const exerciseId = lifts[j % lifts.length]!;
      const reps = 3 + ((i + j) % 8);
      const filmed = (i + j) % 2 === 0;
      sets.push({
        exerciseId,
        reps,
        weightKg: 40 + (i % 40) + (j % 5) * 5,
        rpe: j % 3 === 0 ? 8 : null,
        repForm: filmed
          ? Array.from({ length: reps }, (_, r) => ({
              score: 70 + ((i + r) % 30),
              faults: r % 4 === 0 ? ["knee_valgus"] : [],
              romRatio: 0.85 + ((i + r) % 20) / 100,
            }))
          : [],
      });
    }
    sessions.push({ day: addDays(start, Math.floor((i * 7) / 3)), sets });
  }
  return { plan, sessions, profile: { units: "kg" }, today: addDays(start, 730) };
}

async function bundleEngine(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    build: {
      write: false,
      minify: true,
      lib: { entry: "shared/plans/index.ts", formats: ["iife"], name: "SpotterPlans", fileName: "plans" },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error("vite produced no bundle for shared/plans");
  return chunk.code;
}

/** Times `recommend` on a two-year log in a real Chromium page. */
export async function benchPlans(runs: number, log: (line: string) => void): Promise<PlansBench> {
  log("plans: bundling shared/plans and building a two-year log…");
  const code = await bundleEngine();
  const input = twoYearInput();
  const profile = await openProfile();
  try {
    const page = await profile.context.newPage();
    // tsx keeps function names by wrapping them in `__name`, which the page does not have.
    await page.addScriptTag({ content: `${code}\nwindow.__name = (f) => f;` });
    log(`plans: timing ${runs} recommendations in Chromium…`);
    const times = await page.evaluate(
      ({ input, runs }) => {
        type Engine = {
          recommend: (i: unknown) => unknown;
          clearReplayCache: () => void;
          snapshotReplay: (plan: unknown, profile: unknown) => unknown;
          restoreReplay: (snapshot: unknown) => boolean;
        };
        type Log = { day: string; sets: unknown[] }[];
        const engine = (window as unknown as { SpotterPlans: Engine }).SpotterPlans;
        const timed = (fresh: () => unknown, before: () => void = () => {}) => {
          const out: number[] = [];
          for (let i = 0; i < runs + 20; i++) {
            const next = fresh();
            before();
            const t0 = performance.now();
            engine.recommend(next);
            if (i >= 20) out.push(performance.now() - t0);
          }
          return out;
        };
        const copy = () => structuredClone(input);
        const fullReplay = timed(copy, () => engine.clearReplayCache());
        engine.recommend(copy());
        const unchanged = timed(copy);
        const snapshot = engine.snapshotReplay(input.plan, input.profile);
        const snapshotKb = JSON.stringify(snapshot).length / 1024;
        const cloneMs: number[] = [];
        const cold: number[] = [];
        for (let i = 0; i < runs + 20; i++) {
          const next = copy();
          engine.clearReplayCache();
          const c0 = performance.now();
          const stored = structuredClone(snapshot);
          const t0 = performance.now();
          if (!engine.restoreReplay(stored)) throw new Error("the replay snapshot was refused");
          engine.recommend(next);
          if (i >= 20) {
            cold.push(performance.now() - t0);
            cloneMs.push(t0 - c0);
          }
        }
        // One more set on the last session each time, as a person logs a workout set by set.
        const log = input.sessions as Log;
        const last = log.at(-1)!;
        const afterSet = timed(() => {
          last.sets.push(structuredClone(last.sets[last.sets.length % 8]));
          return copy();
        });
        return { cold, fullReplay, unchanged, afterSet, snapshotKb, cloneMs };
      },
      { input, runs },
    );
    const figure = (values: number[], q: number) => {
      const v = percentile(values, q);
      return v === null ? null : round(v);
    };
    return {
      sessions: input.sessions.length,
      sets: input.sessions.reduce((n, s) => n + s.sets.length, 0),
      runs,
      recommendP50Ms: figure(times.afterSet, 0.5),
      recommendP95Ms: figure(times.afterSet, 0.95),
      coldP50Ms: figure(times.cold, 0.5),
      coldP95Ms: figure(times.cold, 0.95),
      fullReplayP50Ms: figure(times.fullReplay, 0.5),
      fullReplayP95Ms: figure(times.fullReplay, 0.95),
      snapshotKb: round(times.snapshotKb),
      snapshotCloneP50Ms: figure(times.cloneMs, 0.5),
      unchangedP50Ms: figure(times.unchanged, 0.5),
      unchangedP95Ms: figure(times.unchanged, 0.95),
    };
  } finally {
    await profile.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "300" } } });
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const load = () => execFileSync("uptime", { encoding: "utf8" }).trim();
  log(`load before: ${load()}`);
  const result = await benchPlans(Number(values.runs), log);
  log(`load after: ${load()} (other work shares this machine)`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
