// The `load` section: the app's own page load, cold (fresh profile) and warm offline (service
// worker cache, network off), plus the shell's JavaScript size from the build output.
// Alone: `npx tsx scripts/bench/load-bench.ts --build` (under the e2e lock: it runs vite build), then
// `npx tsx scripts/bench/load-bench.ts [--runs N]`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { openProfile } from "./browser.ts";
import { runSectionAlone, type BenchServer } from "./server.ts";
import { median, round, roundOrNull } from "./stats.ts";

export interface LoadFigures {
  shellJsGzipKb: number;
  shellCssGzipKb: number;
  shellFiles: string[];
  coldLcpMs: number | null;
  coldTbtMs: number;
  coldUsableMs: number;
  warmOfflineUsableMs: number | null;
  warmOfflineLcpMs: number | null;
  /** Warm offline: the shell's first contentful paint, and the pose model ready (shown separately). */
  warmOfflineShellPaintMs: number | null;
  warmOfflineModelReadyMs: number | null;
  /** Warm offline: when the Train route's own chunk had arrived (what usable waits for after paint). */
  warmOfflineTrainChunkMs: number | null;
  /** Warm offline, per load: usable Train page over shell first paint, median. Goal ≤ 1.2. */
  warmUsableVsShellPaint: number | null;
  /** What "usable" waited for. */
  usableMarker: string;
}

/** The entry chunk, everything it imports statically (transitively) and the CSS index.html links. */
export function shellFiles(distDir: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
  const css = refs.filter((r) => r.endsWith(".css"));
  const js = new Set<string>();
  const visit = (file: string) => {
    if (js.has(file)) return;
    js.add(file);
    const code = readFileSync(join(distDir, file), "utf8");
    const staticImports = code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    );
    for (const m of staticImports) visit(`assets/${m[1]}`);
  };
  refs.filter((r) => r.endsWith(".js")).forEach(visit);
  return { js: [...js], css };
}

const present = (list: (number | null)[]) => list.filter((v): v is number => v !== null);

const gzipKb = (distDir: string, files: string[]) =>
  round(files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0) / 1024, 1);

// Registered before any page script: long tasks are not buffered for late observers. Usable = the
// Train heading is there and Start is enabled (controls live, camera startable), timed once the next
// frame after the DOM says so is painted; the model's readiness is timed apart.
const INIT_SCRIPT = `
  window.__benchLongTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchLongTasks.push(e.duration); })
    .observe({ type: "longtask", buffered: true });
  window.__benchUsableMs = null;
  window.__benchModelReadyMs = null;
  let usableSeen = false;
  const check = () => {
    if (!usableSeen) {
      const heading = [...document.querySelectorAll("h1")].some((h) => h.textContent.trim() === "Train");
      const start = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Start");
      if (heading && start && !start.disabled) {
        usableSeen = true;
        // After the frame that shows it is painted: a task queued from that frame's rAF runs then.
        requestAnimationFrame(() => setTimeout(() => (window.__benchUsableMs = performance.now())));
      }
    }
    if (window.__benchModelReadyMs === null && document.querySelector('[data-pose-status="ready"]'))
      window.__benchModelReadyMs = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface PageFigures {
  usableMs: number;
  shellPaintMs: number | null;
  modelReadyMs: number | null;
  trainChunkMs: number | null;
  lcpMs: number | null;
  tbtMs: number;
  marker: string;
}

interface LoadWindow {
  __benchUsableMs: number | null;
  __benchModelReadyMs: number | null;
}

async function measureTrainLoad(page: Page, origin: string): Promise<PageFigures> {
  await page.goto(`${origin}/train`);
  await page.waitForFunction(() => (window as unknown as LoadWindow).__benchUsableMs !== null);
  await page.locator('[data-pose-status="ready"]').waitFor({ timeout: 120_000 });
  const marker = "Train heading shown and Start enabled (after the next frame's paint)";
  const { usableMs, modelReadyMs, shellPaintMs, trainChunkMs } = await page.evaluate(() => {
    const w = window as unknown as LoadWindow;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const chunk = performance
      .getEntriesByType("resource")
      .find((e) => /\/assets\/TrainPage-[^/]*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
    return {
      usableMs: w.__benchUsableMs ?? 0,
      modelReadyMs: w.__benchModelReadyMs,
      shellPaintMs: paint?.startTime ?? null,
      trainChunkMs: chunk?.responseEnd ?? null,
    };
  });
  const { lcpMs, tasks } = await page.evaluate(
    () =>
      new Promise<{ lcpMs: number | null; tasks: number[] }>((resolve) => {
        let lcp: number | null = null;
        new PerformanceObserver((l) => {
          lcp = l.getEntries().at(-1)?.startTime ?? lcp;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(
          () =>
            resolve({
              lcpMs: lcp,
              tasks: (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks,
            }),
          50,
        );
      }),
  );
  const tbtMs = tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  return { usableMs, shellPaintMs, modelReadyMs, trainChunkMs, lcpMs, tbtMs, marker };
}

export async function benchLoad(
  server: BenchServer,
  distDir: string,
  warmRuns: number,
  log: (line: string) => void,
): Promise<LoadFigures> {
  const files = shellFiles(distDir);
  const profile = await openProfile();
  try {
    await profile.context.addInitScript(INIT_SCRIPT);
    log("load: cold load of /train in a fresh profile…");
    const page = await profile.context.newPage();
    const cold = await measureTrainLoad(page, server.origin);
    await page.getByRole("status").filter({ hasText: "Ready to work offline" }).waitFor({ timeout: 120_000 });
    await page.close();
    log(`load: ${warmRuns} warm offline load(s)…`);
    await profile.context.setOffline(true);
    const warm: PageFigures[] = [];
    for (let i = 0; i < warmRuns; i++) {
      const p = await profile.context.newPage();
      const w = await measureTrainLoad(p, server.origin);
      warm.push(w);
      await p.close();
      log(
        `load: warm ${i + 1}: usable ${round(w.usableMs, 0)} ms, shell paint ${roundOrNull(w.shellPaintMs, 0)} ms, ` +
          `Train chunk ${roundOrNull(w.trainChunkMs, 0)} ms, model ready ${roundOrNull(w.modelReadyMs, 0)} ms`,
      );
    }
    return {
      shellJsGzipKb: gzipKb(distDir, files.js),
      shellCssGzipKb: gzipKb(distDir, files.css),
      shellFiles: [...files.js, ...files.css],
      coldLcpMs: roundOrNull(cold.lcpMs, 0),
      coldTbtMs: round(cold.tbtMs, 0),
      coldUsableMs: round(cold.usableMs, 0),
      warmOfflineUsableMs: roundOrNull(median(warm.map((w) => w.usableMs)), 0),
      warmOfflineLcpMs: roundOrNull(median(warm.flatMap((w) => (w.lcpMs === null ? [] : [w.lcpMs]))), 0),
      warmOfflineShellPaintMs: roundOrNull(median(present(warm.map((w) => w.shellPaintMs))), 0),
      warmOfflineModelReadyMs: roundOrNull(median(present(warm.map((w) => w.modelReadyMs))), 0),
      warmOfflineTrainChunkMs: roundOrNull(median(present(warm.map((w) => w.trainChunkMs))), 0),
      warmUsableVsShellPaint: roundOrNull(
        median(present(warm.map((w) => (w.shellPaintMs ? w.usableMs / w.shellPaintMs : null)))),
        2,
      ),
      usableMarker: cold.marker,
    };
  } finally {
    await profile.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await runSectionAlone("load", 3, (server, distDir, runs, log) => benchLoad(server, distDir, runs, log));
