// Shared helpers for the scripts that drive wrangler locally (start, dev, tests, benchmarks).
import { spawn, spawnSync } from "node:child_process";

export const WRANGLER = "node_modules/.bin/wrangler";

/** Where local D1/KV state lives; tests and benchmarks use their own folders. */
export const stateDir = () => process.env.SPOTTER_STATE_DIR ?? ".wrangler/state";

/** Applies D1 migrations to the local database, without prompting. */
export function migrateLocal(persistTo = stateDir()) {
  const res = spawnSync(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error(`D1 migrations failed (exit ${res.status})`);
}

/**
 * Starts `wrangler dev` serving the built PWA and the API on one origin.
 * `quiet` turns off per-request logging, which costs throughput under load.
 */
export function startWranglerDev({ port, persistTo = stateDir(), quiet = false, stdio = "inherit" }) {
  const args = [
    "dev",
    "--port",
    String(port),
    "--ip",
    process.env.HOST ?? "127.0.0.1",
    "--persist-to",
    persistTo,
    "--var",
    "APP_ENV:development",
    "--show-interactive-dev-session=false",
  ];
  if (quiet) args.push("--log-level", "warn", "--var", "LOG_REQUESTS:0");
  return spawn(WRANGLER, args, { stdio, env: process.env });
}

export function run(cmd, args, env = process.env) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${res.status})`);
}
