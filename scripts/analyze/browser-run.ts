import { chromium } from "playwright-core";
import type { AnalysisFrame } from "../../web/features/analyze/run-analysis.ts";
import type { AutomationSummary, AutomationFailure } from "../../web/features/analyze/automation.ts";
import { serveApp } from "../lib/serve-app.mjs";
import { ensureAppBuilt } from "./build-app.ts";
import { AnalyzeCliError } from "./errors.ts";

export interface BrowserRun {
  summary: AutomationSummary;
  /** Browser launch to the end of the run, model load included. */
  totalMs: number;
}

const LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"];

/**
 * Runs an image or video through the app's own Analyze page and pose worker in headless Chromium,
 * streaming each frame's landmarks back as it is found.
 */
export async function analyseInBrowser(
  repoRoot: string,
  inputPath: string,
  options: { model: "lite" | "full"; onFrame: (frame: AnalysisFrame) => void; log: (line: string) => void },
): Promise<BrowserRun> {
  const started = performance.now();
  const root = await ensureAppBuilt(repoRoot, options.log);
  const server = await serveApp({ distDir: root });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: LAUNCH_ARGS,
  });
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const outcome = new Promise<AutomationSummary>((resolve, reject) => {
      page.on("pageerror", (error) =>
        reject(new AnalyzeCliError("browser_failed", `Page error: ${error.message}`)),
      );
      page.on("crash", () => reject(new AnalyzeCliError("browser_failed", "The browser page crashed.")));
      void page.exposeFunction("spotterAnalyzeDone", (summary: AutomationSummary) => resolve(summary));
      void page.exposeFunction("spotterAnalyzeFail", (failure: AutomationFailure) =>
        reject(
          new AnalyzeCliError(failure.unreadable ? "unreadable_input" : "browser_failed", failure.message),
        ),
      );
    });
    await page.exposeFunction("spotterAnalyzeFrame", options.onFrame);
    await page.goto(`${server.origin}/analyze?model=${options.model}`);
    // A page that fails while loading reports through `outcome`; don't wait on the input then.
    await Promise.race([page.setInputFiles('[data-testid="analyze-file-input"]', inputPath), outcome]);
    const summary = await outcome;
    return { summary, totalMs: performance.now() - started };
  } finally {
    await browser.close();
    await server.close();
  }
}
