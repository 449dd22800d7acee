// Starts the app the way `npm start` does, on a free port with its own fresh state, quiet logs and
// the request log off, and reads the Worker runtime's CPU time from /proc for CPU-per-request.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";

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

/** `node scripts/start.mjs` with SPOTTER_SKIP_BUILD (the caller built once), fresh state, quiet. */
export async function startBenchServer(stateDir = ".wrangler/bench-state"): Promise<BenchServer> {
  rmSync(stateDir, { recursive: true, force: true });
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      SPOTTER_QUIET: "1",
      SPOTTER_SKIP_BUILD: "1",
      SPOTTER_STATE_DIR: stateDir,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
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
