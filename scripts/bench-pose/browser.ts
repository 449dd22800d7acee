import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { serveApp } from "../lib/serve-app.mjs";

export const REPO_ROOT = join(import.meta.dirname, "../..");
// One build per process: two benches (or a bench and a trace) never clear each other's files.
const DIST_DIR = join(REPO_ROOT, `.cache/bench-pose/dist-${process.pid}`);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
];

/** Builds the app into a private folder, so a bench never races another helper's `dist/`. */
export function buildApp(): string {
  const vite = join(REPO_ROOT, "node_modules/.bin/vite");
  const build = spawnSync(vite, ["build", "--logLevel", "warn", "--outDir", DIST_DIR, "--emptyOutDir"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`vite build failed (${build.status})`);
  return DIST_DIR;
}

export interface AppSession {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Serves the built app with its real headers and opens headless Chromium on it. */
export async function openApp(mediaDir: string, extraArgs: string[] = []): Promise<AppSession> {
  const server = await serveApp({ distDir: DIST_DIR, mediaDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
      await rm(DIST_DIR, { recursive: true, force: true });
    },
  };
}
