// `npx tsx scripts/bench/api-only.ts [--quick] [--json] [--users N] [--state DIR]`: the `api` section of `npm run bench` alone,
// against the Worker frozen without the client build (no `vite build`, so no shared build lock), for
// working on the API's capacity. With --json the last stdout line is the figures.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { parseArgs } from "node:util";
import { freezeWorker } from "../lib/frozen-worker.ts";
import { benchApi } from "./api-bench.ts";
import { startBenchServer } from "./server.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    users: { type: "string", default: "1000" },
    // Where local D1 and KV keep their state: a tmpfs path (/dev/shm/…) takes the disk out of D1's tails.
    state: { type: "string", default: ".wrangler/bench-api-state" },
  },
});
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const dir = ".cache/bench/api-only";
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "assets"), { recursive: true });
const configPath = freezeWorker(dir, "assets", { benchRoutes: true });
const server = await startBenchServer({ distDir: join(dir, "assets"), configPath }, values.state);
try {
  const quick = values.quick;
  const figures = await benchApi(
    server,
    { users: Number(values.users), stepS: quick ? 10 : 20, warmupS: quick ? 2 : 3, refine: quick ? 1 : 2 },
    log,
  );
  log(
    `capacity ${figures.capacityRps} req/s, bare ${figures.bareCapacityRps} req/s: ${figures.capacityVsBare} of bare ` +
      `(goal ≥ 0.5); CPU per request bare / app ${figures.cpuCostVsBare} at capacity, ${figures.cpuCostVsBareAllSteps} over all steps; ${figures.simulatedUsers} users ` +
      `(≈ ${figures.usersAtCapacity} at real cadence); load at the capacity steps app ${figures.load1AtCapacity.app} / bare ` +
      `${figures.load1AtCapacity.bare}, now ${os.loadavg()[0]?.toFixed(2)} (other work shares this machine)`,
  );
  const rechecked = figures.recheckSteps;
  if (rechecked.length > 0) {
    log(
      `the app mix's capacity run again beside the bare route's later steps: held ${rechecked.filter((s) => s.held).length} ` +
        `of ${rechecked.length} (p99 ${rechecked.map((s) => s.p99Ms).join(" / ")} ms, load ${rechecked.map((s) => s.load1).join(" / ")})`,
    );
  }
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await server.stop();
}
