// `npx tsx scripts/bench/api-profile.ts [route] [--users N]`: Worker CPU per request for each route
// the app calls, and for the bench-only constant route, each alone at a low rate (so queueing does
// not count), on the frozen Worker under wrangler dev. Finds where the app's requests spend CPU
// beyond the floor. With many users (`--users 1000`) each user's requests are as far apart as at
// the app's cadence, so per-user state that goes cold between them shows.
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freezeWorker } from "../lib/frozen-worker.ts";
import { devicePush, signUpUser, uuid7, type BenchUser } from "./api-users.ts";
import { setMutation } from "./api-traffic.ts";
import { parseServerTiming, runSchedule, type PlannedRequest } from "./load-gen.ts";
import { startBenchServer } from "./server.ts";
import { percentile, round } from "./stats.ts";

const { values, positionals } = parseArgs({
  options: { users: { type: "string", default: "40" } },
  allowPositionals: true,
});
const log = (line: string) => process.stderr.write(`profile: ${line}\n`);
const dir = ".cache/bench/api-profile";
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, "assets"), { recursive: true });
const server = await startBenchServer(
  { distDir: join(dir, "assets"), configPath: freezeWorker(dir, "assets", { benchRoutes: true }) },
  ".wrangler/bench-profile-state",
);
const users: BenchUser[] = [];
for (let i = 0; i < Number(values.users); i++) users.push(await signUpUser(server.origin, "prof"));
/** A new workout and its first set, as the app's outbox pushes them. */
const set = () => {
  const workoutId = uuid7();
  const now = Date.now();
  return [
    {
      entity: "workout",
      op: "put",
      key: workoutId,
      value: { id: workoutId, startedAt: now, updatedAt: now },
    },
    setMutation(workoutId, 0),
  ];
};
const routes: Record<string, (u: BenchUser) => PlannedRequest> = {
  "GET /api/__bench/bare": () => ({ endpoint: "bare", method: "GET", path: "/api/__bench/bare" }),
  "GET /api/nope (404: middleware, no D1)": () => ({ endpoint: "nope", method: "GET", path: "/api/nope" }),
  "GET /api/sync/pull without a cookie (401: no D1)": () => ({
    endpoint: "anon",
    method: "GET",
    path: "/api/sync/pull",
  }),
  "GET /api/health": () => ({ endpoint: "health", method: "GET", path: "/api/health" }),
  "GET /api/auth/me": (u) => ({
    endpoint: "me",
    method: "GET",
    path: "/api/auth/me",
    headers: { cookie: u.cookie },
  }),
  "GET /api/sync/pull": (u) => ({
    endpoint: "pull",
    method: "GET",
    path: "/api/sync/pull",
    headers: { cookie: u.cookie },
  }),
  // The minute pull: from the cursor the user's last pull gave (nothing new since).
  "GET /api/sync/pull?cursor": (u) => ({
    endpoint: "pull-cursor",
    method: "GET",
    path: `/api/sync/pull${u.cursor ? `?cursor=${encodeURIComponent(u.cursor)}` : ""}`,
    headers: { cookie: u.cookie },
    onAnswer: (status, body) => {
      if (status === 200) u.cursor = (JSON.parse(body) as { cursor: string }).cursor;
    },
  }),
  "POST /api/sync/push": (u) => ({
    endpoint: "push",
    method: "POST",
    path: "/api/sync/push",
    headers: { cookie: u.cookie, origin: server.origin },
    body: devicePush(u, set()),
  }),
};
try {
  log(`load ${loadavg()[0]?.toFixed(2)} (other work shares this machine)`);
  for (const [name, plan] of Object.entries(routes)) {
    if (positionals.length > 0 && !positionals.some((only) => name.includes(only))) continue;
    const count = Math.max(300, users.length);
    const schedule = () =>
      runSchedule({
        origin: server.origin,
        arrivals: Array.from({ length: count }, (_, i) => ({
          atMs: i * 50,
          plan: () => plan(users[i % users.length]!),
        })),
      });
    // Each user once first, unmeasured: a session the isolate has seen, a head that has heard of it.
    if (users.length > 40) await schedule();
    const before = server.workerdCpuS();
    const { results } = await schedule();
    const cpuMs = ((server.workerdCpuS() - before) * 1000) / count;
    const ok = results.filter((r) => r.status >= 200 && r.status < 300).length;
    const statuses: Record<number, number> = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const latencies = results.map((r) => r.latencyMs);
    const [p50, p99] = [percentile(latencies, 0.5), percentile(latencies, 0.99)];
    // The Worker's own time (Server-Timing) apart from the client's: a tail the Worker does not see
    // was spent in front of it (the local proxy, the machine's run queue).
    const timings = results.map((r) => parseServerTiming(r.serverTiming));
    const workerMs = timings.flatMap((t) => (t.totalMs === null ? [] : [t.totalMs]));
    const [workerP50, workerP99] = [percentile(workerMs, 0.5), percentile(workerMs, 0.99)];
    const dbP99 = percentile(
      timings.flatMap((t) => (t.dbMs === null ? [] : [t.dbMs])),
      0.99,
    );
    const queries = timings.reduce((sum, t) => sum + (t.dbQueries ?? 0), 0) / count;
    log(
      `${name}: ${round(cpuMs, 2)} ms CPU/request, p50 ${round(p50 ?? 0, 1)} ms, p99 ${round(p99 ?? 0, 1)} ms (in the Worker p50 ${round(workerP50 ?? 0, 1)}, p99 ${round(workerP99 ?? 0, 1)}; D1 p99 ${round(dbP99 ?? 0, 1)} ms, ${round(queries, 2)} queries a request), ${ok}/${count} 2xx ${JSON.stringify(statuses)} (load ${loadavg()[0]?.toFixed(2)})`,
    );
  }
} finally {
  await server.stop();
}
