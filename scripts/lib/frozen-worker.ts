import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const WRANGLER = "node_modules/.bin/wrangler";

/**
 * Bundles the Worker once into `dir` (`wrangler deploy --dry-run`) with a wrangler.toml of its own
 * that serves `assetsDir` (relative to `dir`) and applies a copy of the migrations, so a benchmark or
 * fuzz run serves a frozen build that edits to the working tree cannot restart. Returns the config.
 */
export function freezeWorker(dir: string, assetsDir: string): string {
  cpSync("edge/migrations", join(dir, "migrations"), { recursive: true });
  const configPath = join(dir, "wrangler.toml");
  const config = (main: string) =>
    readFileSync("wrangler.toml", "utf8")
      .replace(/^main = .*$/m, `main = ${JSON.stringify(main)}`)
      .replace(/^directory = .*$/m, `directory = ${JSON.stringify(`./${assetsDir}`)}`)
      .replace(/^migrations_dir = .*$/m, 'migrations_dir = "migrations"');
  writeFileSync(configPath, config(relative(dir, "edge/index.ts")));
  const args = ["deploy", "--dry-run", "-c", configPath, "--outdir", resolve(dir, "worker")];
  const res = spawnSync(WRANGLER, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (exit ${res.status})`);
  writeFileSync(configPath, config("worker/index.js"));
  return configPath;
}
