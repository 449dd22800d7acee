import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const WRANGLER = "node_modules/.bin/wrangler";

/** The path of the bench-only route: a constant answer, the floor any real route is measured against. */
export const BARE_ROUTE = "/api/__bench/bare";

/**
 * An entry that answers {@link BARE_ROUTE} with a constant when the `BENCH_BARE` var is "1" and
 * hands everything else to the real Worker. It exists only in a frozen benchmark copy, never in the
 * Worker that `npm start` or a deploy bundles; under `/api/` so it runs on the same path as the API.
 */
function benchEntry(dir: string): string {
  const entry = join(dir, "bench-entry", "index.ts");
  mkdirSync(join(dir, "bench-entry"), { recursive: true });
  const workerPath = relative(join(dir, "bench-entry"), "edge/index.ts").replace(/\.ts$/, "");
  writeFileSync(
    entry,
    `import worker from ${JSON.stringify(workerPath)};
export * from ${JSON.stringify(workerPath)};
const BARE = '{"ok":true}';
export default {
  ...worker,
  fetch(request: Request, env: Env & { BENCH_BARE?: string }, ctx: ExecutionContext) {
    if (env.BENCH_BARE === "1" && new URL(request.url).pathname === ${JSON.stringify(BARE_ROUTE)}) {
      return new Response(BARE, { headers: { "content-type": "application/json" } });
    }
    return worker.fetch(request, env, ctx);
  },
};
`,
  );
  return entry;
}

/**
 * Bundles the Worker once into `dir` (`wrangler deploy --dry-run`) with a wrangler.toml of its own
 * that serves `assetsDir` (relative to `dir`) and applies a copy of the migrations, so a benchmark or
 * fuzz run serves a frozen build that edits to the working tree cannot restart. Returns the config.
 * With `benchRoutes`, the bundle also has the bench-only constant route ({@link benchEntry}).
 */
export function freezeWorker(dir: string, assetsDir: string, { benchRoutes = false } = {}): string {
  cpSync("edge/migrations", join(dir, "migrations"), { recursive: true });
  const configPath = join(dir, "wrangler.toml");
  const config = (main: string) =>
    readFileSync("wrangler.toml", "utf8")
      .replace(/^main = .*$/m, `main = ${JSON.stringify(main)}`)
      .replace(/^directory = .*$/m, `directory = ${JSON.stringify(`./${assetsDir}`)}`)
      .replace(/^migrations_dir = .*$/m, 'migrations_dir = "migrations"');
  const main = benchRoutes ? relative(dir, benchEntry(dir)) : relative(dir, "edge/index.ts");
  writeFileSync(configPath, config(main));
  const args = ["deploy", "--dry-run", "-c", configPath, "--outdir", resolve(dir, "worker")];
  const res = spawnSync(WRANGLER, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed (exit ${res.status})`);
  writeFileSync(configPath, config("worker/index.js"));
  return configPath;
}
