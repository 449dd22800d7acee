import type { AnalysisFrame, AnalysisResult } from "./run-analysis";

/**
 * Hooks the command-line analyser installs with Playwright's `exposeFunction` before the page
 * loads. When present, the page streams each frame and the outcome to them.
 */
export interface AutomationHooks {
  frame(frame: AnalysisFrame): void;
  done(summary: Omit<AnalysisResult, "frames" | "inferenceMs"> & { inferenceMedianMs: number | null }): void;
  fail(message: string): void;
}

function hook(name: string): ((value: unknown) => void) | null {
  const candidate: unknown = Reflect.get(window, name);
  return typeof candidate === "function" ? (value: unknown) => void candidate(value) : null;
}

export function automationHooks(): AutomationHooks | null {
  const frame = hook("spotterAnalyzeFrame");
  const done = hook("spotterAnalyzeDone");
  const fail = hook("spotterAnalyzeFail");
  if (!frame || !done || !fail) return null;
  return { frame, done, fail };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export function reportToAutomation(hooks: AutomationHooks, result: AnalysisResult): void {
  const { frames: _frames, inferenceMs, ...rest } = result;
  hooks.done({ ...rest, inferenceMedianMs: median(inferenceMs) });
}
