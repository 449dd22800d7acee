// `npm run fuzz [-- --json] [--count N] [--seed S]`: sends generated hostile requests to every route
// of the real Worker (wrangler dev, local D1 and KV, 127.0.0.1 only) and reports status counts,
// hangs and every 5xx or malformed error with the input that caused it. Exit 1 on any of those.
import { parseArgs } from "node:util";
import { signUpUser, type BenchUser } from "../bench/api-users.ts";
import { describe, problemWith, toRequest } from "./exchange.ts";
import { sampleRequests, type FuzzRequest } from "./requests.ts";
import { startLocalWorker } from "./local-worker.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    count: { type: "string", default: "20000" },
    seed: { type: "string" },
    concurrency: { type: "string", default: "8" },
  },
});
const count = Number(values.count);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const concurrency = Math.max(1, Number(values.concurrency));
// A request still unanswered after this long is a hang.
const HANG_MS = 15_000;
const USERS = 16;
const BATCH = 1000;

const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

interface Tally {
  requests: number;
  statuses: Map<number | "hang", number>;
  problems: string[];
  hangs: number;
}

async function send(origin: string, req: FuzzRequest, user: BenchUser | undefined, tally: Tally) {
  tally.requests += 1;
  try {
    const res = await fetch(toRequest(req, origin, user?.cookie), { signal: AbortSignal.timeout(HANG_MS) });
    tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
    const problem = await problemWith(req, res);
    if (problem) tally.problems.push(`${problem}\n    ← ${describe(req)}`);
  } catch (err) {
    const hang = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    if (hang) {
      tally.hangs += 1;
      tally.statuses.set("hang", (tally.statuses.get("hang") ?? 0) + 1);
      tally.problems.push(`no answer in ${HANG_MS / 1000} s\n    ← ${describe(req)}`);
    } else {
      tally.problems.push(`request failed: ${String(err)}\n    ← ${describe(req)}`);
    }
  }
}

async function main() {
  log(`fuzz: ${count} requests, seed ${seed}, starting the Worker (wrangler dev, fresh local D1/KV)…`);
  const worker = await startLocalWorker();
  // Interrupted: take the Worker (its own process group) down too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      worker.stop();
      process.exit(130);
    });
  }
  const tally: Tally = { requests: 0, statuses: new Map(), problems: [], hangs: 0 };
  const t0 = Date.now();
  try {
    const users: BenchUser[] = [];
    for (let i = 0; i < USERS; i++) users.push(await signUpUser(worker.origin, "fuzz"));
    // Generated in batches (same seed, consecutive sub-seeds) so 20,000 inputs never sit in memory.
    for (let done = 0; done < count; done += BATCH) {
      const batch = sampleRequests(Math.min(BATCH, count - done), seed + done);
      let next = 0;
      const lane = async () => {
        while (next < batch.length) {
          const i = next++;
          const req = batch[i];
          if (req) await send(worker.origin, req, users[(done + i) % users.length], tally);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      log(`  ${tally.requests} sent, ${tally.problems.length} problems, ${tally.hangs} hangs`);
    }
  } finally {
    worker.stop();
  }
  const status5xx = [...tally.statuses]
    .filter(([s]) => typeof s === "number" && s >= 500)
    .reduce((n, [, c]) => n + c, 0);
  log(`\nInputs tried: ${tally.requests} in ${((Date.now() - t0) / 1000).toFixed(0)} s (seed ${seed})`);
  log(`Status counts: ${JSON.stringify(Object.fromEntries([...tally.statuses].sort()))}`);
  log(`Responses ≥ 500: ${status5xx}; hangs (no answer in ${HANG_MS / 1000} s): ${tally.hangs}`);
  for (const problem of tally.problems) log(`  ✗ ${problem}`);
  if (values.json) console.log(JSON.stringify({ requests: tally.requests, status5xx, hangs: tally.hangs }));
  process.exitCode = status5xx > 0 || tally.hangs > 0 || tally.problems.length > 0 ? 1 : 0;
}

await main();
