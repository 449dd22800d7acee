// Starts the app as `npm start` does (wrangler dev, quiet, request log off) from a frozen build on a
// free port with fresh state, and reads the Worker runtime's CPU time from /proc for CPU-per-request.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { freezeWorker } from "../lib/frozen-worker.ts";
import { join, resolve } from "node:path";

export interface BenchServer {
  origin: string;
  port: number;
  /** CPU seconds (user + system) used so far by the workerd processes serving the app. */
  workerdCpuS(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function descendants(pid: number): number[] {
  const res = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  const kids = (res.stdout ?? "")
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return kids.flatMap((kid) => [kid, ...descendants(kid)]);
}

const CLOCK_TICKS_PER_S = 100;

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

const commOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
};

/** Waits until the server answers health again, e.g. after an overload run left a backlog. */
export async function waitUntilSettled(server: BenchServer, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${server.origin}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // still busy
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the server did not settle within ${timeoutMs} ms`);
}

/** Busy CPU time and total CPU time of the whole machine so far, in clock ticks (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/**
 * Waits (up to `maxS`) until the whole machine has used under `belowCores` cores for 3 seconds in
 * a row, so what one section left running (the runtime draining a load test, objects being
 * evicted, SQLite checkpoints) is not measured in the next. Says how long it waited.
 */
export async function waitForQuiet(log?: (line: string) => void, belowCores = 0.3, maxS = 60): Promise<void> {
  const cores = availableParallelism();
  const started = Date.now();
  let quietS = 0;
  let last = machineTicks();
  let usedCores = 0;
  while (quietS < 3 && Date.now() - started < maxS * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = machineTicks();
    usedCores = ((now.busy - last.busy) / Math.max(1, now.total - last.total)) * cores;
    last = now;
    quietS = usedCores < belowCores ? quietS + 1 : 0;
  }
  const waited = Math.round((Date.now() - started) / 1000);
  log?.(
    quietS >= 3
      ? `machine quiet (under ${belowCores} cores busy for 3 s) after ${waited} s`
      : `machine still busy after ${waited} s (${usedCores.toFixed(2)} cores in the last second): measuring anyway`,
  );
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${origin}/api/health in ${timeoutMs} ms`);
}

const WRANGLER = "node_modules/.bin/wrangler";

export interface AppSnapshot {
  distDir: string;
  configPath: string;
}

function run(cmd: string, args: string[]): void {
  const res = spawnSync(cmd, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${res.status})`);
}

/**
 * Builds the client and bundles the Worker into `dir` with a copy of wrangler.toml pointing at
 * them. `wrangler dev` watches its sources and restarts the Worker when they change; serving a
 * frozen copy keeps edits made elsewhere during a run (other work in the same tree) out of it.
 */
export function snapshotApp(dir = ".cache/bench/app"): AppSnapshot {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run("node_modules/.bin/vite", [
    "build",
    "--logLevel",
    "warn",
    "--outDir",
    join(dir, "dist"),
    "--emptyOutDir",
  ]);
  const configPath = freezeWorker(dir, "dist", { benchRoutes: true });
  return { distDir: join(dir, "dist"), configPath };
}

/**
 * Serves the snapshot the way `npm start` serves the tree (`wrangler dev`, APP_ENV=development,
 * quiet, request log off via LOG_REQUESTS=0, the bench-only constant route on) on a free port with
 * fresh local D1/KV state.
 */
export async function startBenchServer(
  app: AppSnapshot,
  stateDir = ".wrangler/bench-state",
): Promise<BenchServer> {
  rmSync(stateDir, { recursive: true, force: true });
  const persistTo = resolve(stateDir);
  run(WRANGLER, [
    "d1",
    "migrations",
    "apply",
    "DB",
    "--local",
    "--persist-to",
    persistTo,
    "-c",
    app.configPath,
  ]);
  const port = await freePort();
  const child =
    process.env.BENCH_DEVTOOLS === "1" ? wranglerDev(app, port, persistTo) : devServer(app, port, persistTo);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, child);
  const pid = child.pid ?? 0;
  return {
    origin,
    port,
    workerdCpuS: () =>
      descendants(pid)
        .filter((p) => commOf(p).startsWith("workerd"))
        .reduce((sum, p) => sum + cpuSecondsOf(p), 0),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        process.kill(-pid, "SIGTERM");
      }),
  };
}

/**
 * The vars the bench's Worker runs with: as `npm start` (development), the request log off, and the
 * bench-only constant route (scripts/lib/frozen-worker.ts), which answers only with BENCH_BARE set.
 */
const BENCH_VARS = { APP_ENV: "development", LOG_REQUESTS: "0", BENCH_BARE: "1" };

/**
 * `wrangler dev` itself, as `npm start` runs it. Its DevTools tap stays on whether or not DevTools
 * is open: four inspector events a subrequest (every D1 query, response body included), passed to
 * wrangler and written to its debug log, work on the same cores that production never does.
 */
function wranglerDev(app: AppSnapshot, port: number, persistTo: string): ChildProcess {
  const args = ["dev", "-c", app.configPath, "--no-bundle", "--port", String(port), "--ip", "127.0.0.1"];
  args.push("--persist-to", persistTo, "--log-level", "error", "--show-interactive-dev-session=false");
  for (const [name, value] of Object.entries(BENCH_VARS)) args.push("--var", `${name}:${value}`);
  return spawn(WRANGLER, args, { stdio: ["ignore", "ignore", "inherit"], detached: true });
}

/** The same Worker, bindings and local state through wrangler's own API, without the DevTools tap. */
function devServer(app: AppSnapshot, port: number, persistTo: string): ChildProcess {
  const args = [
    "scripts/bench/dev-server.mjs",
    app.configPath,
    String(port),
    persistTo,
    JSON.stringify(BENCH_VARS),
  ];
  return spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], detached: true });
}

/** `uptime`'s line: the machine's load, printed beside a figure. */
export const loadNow = () => execFileSync("uptime", { encoding: "utf8" }).trim();

/**
 * Runs one section of the benchmark alone: `--build` freezes the app into `.cache/bench/<name>-app`
 * (run it under the e2e lock); without it, the section runs `--runs N` times against that snapshot
 * and prints `{ "<name>": figures }`, with the machine's load before and after on stderr.
 */
export async function runSectionAlone<T>(
  name: string,
  defaultRuns: number,
  run: (server: BenchServer, distDir: string, runs: number, log: (line: string) => void) => Promise<T>,
): Promise<void> {
  const { values } = parseArgs({
    options: {
      build: { type: "boolean", default: false },
      runs: { type: "string", default: String(defaultRuns) },
    },
  });
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const dir = `.cache/bench/${name}-app`;
  if (values.build) {
    log("building a frozen snapshot of the app…");
    snapshotApp(dir);
    return;
  }
  if (!existsSync(join(dir, "dist"))) throw new Error(`No snapshot in ${dir}: run with --build first.`);
  const app = { distDir: join(dir, "dist"), configPath: join(dir, "wrangler.toml") };
  const server = await startBenchServer(app, `.wrangler/bench-${name}-state`);
  try {
    log(`load before: ${loadNow()}`);
    const figures = await run(server, app.distDir, Number(values.runs), log);
    log(`load after: ${loadNow()}`);
    process.stdout.write(`${JSON.stringify({ [name]: figures })}\n`);
  } finally {
    await server.stop();
  }
}
