import { spawnSync } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const SOURCES = ["web", "shared", "index.html", "vite.config.ts", "package.json"];

async function newestMtimeMs(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtimeMs(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds the app into dist/client unless a build newer than every source file is already there. */
export async function ensureAppBuilt(repoRoot: string, log: (line: string) => void): Promise<string> {
  const out = join(repoRoot, "dist/client");
  const builtMs = (await stat(join(out, "index.html")).catch(() => null))?.mtimeMs ?? 0;
  const sourceTimes = await Promise.all(SOURCES.map((s) => newestMtimeMs(join(repoRoot, s))));
  if (builtMs > Math.max(...sourceTimes)) return out;
  log("Building the app (dist/client is missing or older than the sources)…");
  const vite = join(repoRoot, "node_modules/.bin/vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
  return out;
}
