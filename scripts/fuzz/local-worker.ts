// Starts the real Worker under `wrangler dev` on 127.0.0.1 with fresh local D1 and KV, for the fuzz
// run: its own state folder, migrations applied, request log off, then waits for /api/health.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";

const WRANGLER = "node_modules/.bin/wrangler";
const STATE_DIR = ".wrangler/fuzz-state";

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
  // wrangler.toml serves dist/client; the API needs no build, only the folder.
  mkdirSync("dist/client", { recursive: true });
  const migrate = spawnSync(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE_DIR],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, CI: "true" },
    },
  );
  if (migrate.status !== 0) throw new Error(`D1 migrations failed (exit ${migrate.status})`);
  const port = await freePort();
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", STATE_DIR];
  args.push("--var", "APP_ENV:development", "--var", "LOG_REQUESTS:0", "--log-level", "error");
  args.push("--show-interactive-dev-session=false");
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
