// Plan recommendation speed where it runs, in Chromium: shared/plans bundled by Vite and fed a
// synthetic two-year log (300 sessions, about 10,000 sets, half of them filmed with per-rep form),
// timed call by call after a warm-up.
import { build, type Rollup } from "vite";
import type { LoggedSession, LoggedSet, PlanInput } from "../../shared/plans/index.ts";
import { addDays, planFromProgram, programById } from "../../shared/plans/index.ts";
import { openProfile } from "./browser.ts";
import { percentile, round } from "./stats.ts";

export interface PlansBench {
  sessions: number;
  sets: number;
  runs: number;
  recommendP50Ms: number | null;
  recommendP95Ms: number | null;
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
function twoYearInput(): PlanInput {
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
    await page.addScriptTag({ content: code });
    log(`plans: timing ${runs} recommendations in Chromium…`);
    const timesMs = await page.evaluate(
      ({ input, runs }) => {
        const engine = (window as unknown as { SpotterPlans: { recommend: (i: unknown) => unknown } })
          .SpotterPlans;
        for (let i = 0; i < 20; i++) engine.recommend(input);
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          engine.recommend(input);
          out.push(performance.now() - t0);
        }
        return out;
      },
      { input, runs },
    );
    const p50 = percentile(timesMs, 0.5);
    const p95 = percentile(timesMs, 0.95);
    return {
      sessions: input.sessions.length,
      sets: input.sessions.reduce((n, s) => n + s.sets.length, 0),
      runs,
      recommendP50Ms: p50 === null ? null : round(p50),
      recommendP95Ms: p95 === null ? null : round(p95),
    };
  } finally {
    await profile.close();
  }
}
