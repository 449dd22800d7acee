// Starts the real Worker under `wrangler dev` on 127.0.0.1 with fresh local D1 and KV, for the fuzz
// run: bundled once into a frozen copy (wrangler dev restarts a Worker whose sources change, and
// others may be editing the tree during a run), its own state folder, migrations applied, request
// log off; then waits for /api/health.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { freezeWorker } from "../lib/frozen-worker.ts";
import { join } from "node:path";

const WRANGLER = "node_modules/.bin/wrangler";
const APP_DIR = ".cache/fuzz/app";
const STATE_DIR = ".wrangler/fuzz-state";

function wrangler(args: string[]): void {
  const res = spawnSync(WRANGLER, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (exit ${res.status})`);
}

/** The Worker bundled into APP_DIR with a wrangler.toml of its own (no static assets: the API only). */
function frozenWorker(): string {
  rmSync(APP_DIR, { recursive: true, force: true });
  mkdirSync(join(APP_DIR, "assets"), { recursive: true });
  return freezeWorker(APP_DIR, "assets");
}

export interface LocalWorker {
  origin: string;
  stop(): void;
}

async function freePort(): Promise<number> {
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

export async function startLocalWorker(): Promise<LocalWorker> {
  rmSync(STATE_DIR, { recursive: true, force: true });
  const configPath = frozenWorker();
  wrangler(["d1", "migrations", "apply", "DB", "--local", "-c", configPath, "--persist-to", STATE_DIR]);
  const port = await freePort();
  const args = ["dev", "-c", configPath, "--no-bundle", "--port", String(port), "--ip", "127.0.0.1"];
  args.push("--persist-to", STATE_DIR, "--var", "APP_ENV:development", "--var", "LOG_REQUESTS:0");
  args.push("--log-level", "error", "--show-interactive-dev-session=false");
  // Its own process group, so stopping it also stops the workerd it starts.
  const child = spawn(WRANGLER, args, { stdio: ["ignore", "ignore", "inherit"], detached: true });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    const ok = await fetch(`${origin}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { origin, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error("wrangler dev did not answer /api/health within 2 minutes");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
