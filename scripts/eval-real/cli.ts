/**
 * Runs the form engine over recordings of real people (../shared/realdata, outside the repo, or
 * SPOTTER_REALDATA) and prints, per data set, the figure that fits it beside its reference.
 * Usage: npm run eval:real [-- --json] [--only plank,pushups,pushup-videos,phases,powerlifting,videos]
 *        [--model lite|full] [--fresh] [--image-only (pushup-videos: judged without world points)]
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatReport } from "./report.ts";
import type { SetResult, SkippedSet } from "./result.ts";
import { evaluatePhases } from "./sets/phases.ts";
import { evaluatePlank } from "./sets/plank.ts";
import { evaluatePowerlifting } from "./sets/powerlifting.ts";
import { evaluatePushupVideos } from "./sets/pushup-videos.ts";
import { evaluatePushups } from "./sets/pushups.ts";
import { evaluateVideos } from "./sets/videos.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const model = flag("--model") ?? "lite";
if (model !== "lite" && model !== "full") throw new Error(`--model must be lite or full, got ${model}`);
const root = process.env.SPOTTER_REALDATA ?? resolve(REPO_ROOT, "../shared/realdata");
const log = (line: string) => process.stderr.write(`${line}\n`);

type Runner = (dir: string) => SetResult | Promise<SetResult>;
const SETS: Record<string, { folder: string; needs: string; run: Runner }> = {
  videos: {
    folder: "videos",
    needs: "*.mp4 with *.truth.json",
    run: (dir) => evaluateVideos(dir, { repoRoot: REPO_ROOT, model, fresh: args.includes("--fresh"), log }),
  },
  pushups: { folder: "pushups", needs: "landmarks.csv.gz", run: evaluatePushups },
  "pushup-videos": {
    folder: "pushups",
    needs: "videos",
    run: (dir) =>
      evaluatePushupVideos(dir, {
        repoRoot: REPO_ROOT,
        model,
        fresh: args.includes("--fresh"),
        log,
        imageOnly: args.includes("--image-only"),
      }),
  },
  plank: { folder: "plank", needs: "keypoints.csv", run: evaluatePlank },
  phases: { folder: "phases", needs: "keyframes.csv", run: evaluatePhases },
  powerlifting: { folder: "powerlifting", needs: "squat_coords.csv", run: evaluatePowerlifting },
};
const only = flag("--only")?.split(",");
const unknown = only?.filter((name) => !(name in SETS)) ?? [];
if (unknown.length)
  throw new Error(`--only: unknown set ${unknown.join(", ")}; sets: ${Object.keys(SETS).join(", ")}`);

const results: (SetResult | SkippedSet)[] = [];
for (const [name, set] of Object.entries(SETS)) {
  if (only && !only.includes(name)) continue;
  const dir = join(root, set.folder);
  const probe = set.needs.startsWith("*") ? dir : join(dir, set.needs);
  if (!existsSync(probe)) {
    const skipped = { set: name, skipped: `${probe} is not on this machine` };
    log(`eval:real: skipping ${name}: ${skipped.skipped}`);
    results.push(skipped);
    continue;
  }
  const started = performance.now();
  const result = await set.run(dir);
  log(`eval:real: ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  results.push(result);
}
if (!json) console.log(formatReport(results, root));
console.log(JSON.stringify({ realdata: root, model, sets: results }));
