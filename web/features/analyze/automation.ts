import { VideoReadError } from "../../video/types";
import type { AnalysisFrame, AnalysisResult } from "./run-analysis";

/** Marks around what a person waits for: the file picked, then the result on screen. */
export const ANALYZE_MARKS = { picked: "analyze:file-picked", shown: "analyze:result-shown" } as const;

/** What the page reports when a run finishes: the result without the per-frame data. */
export type AutomationSummary = Omit<AnalysisResult, "frames" | "inferenceMs" | "roundTripMs"> & {
  inferenceMedianMs: number | null;
  roundTripMedianMs: number | null;
};

export interface AutomationFailure {
  message: string;
  /** True when the file itself could not be read (as opposed to the app failing). */
  unreadable: boolean;
}

/**
 * Hooks the command-line analyser installs with Playwright's `exposeFunction` before the page
 * loads. When present, the page streams each frame and the outcome to them.
 */
export interface AutomationHooks {
  frame(frame: AnalysisFrame): void;
  done(summary: AutomationSummary): void;
  fail(failure: AutomationFailure): void;
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

export function automationSummary(result: AnalysisResult): AutomationSummary {
  const { frames: _frames, inferenceMs, roundTripMs, ...rest } = result;
  return { ...rest, inferenceMedianMs: median(inferenceMs), roundTripMedianMs: median(roundTripMs) };
}

/** A decoding failure means the file is unreadable; so does an image the browser cannot decode. */
export function isUnreadableFile(error: unknown): boolean {
  if (error instanceof VideoReadError) return true;
  return (
    error instanceof DOMException && (error.name === "InvalidStateError" || error.name === "EncodingError")
  );
}
