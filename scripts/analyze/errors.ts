/** A failure the analyser explains to the user; `exitCode` 2 means the input could not be used. */
export class AnalyzeCliError extends Error {
  constructor(
    readonly code: "usage" | "missing_input" | "unreadable_input" | "browser_failed",
    message: string,
  ) {
    super(message);
    this.name = "AnalyzeCliError";
  }

  get exitCode(): number {
    return this.code === "browser_failed" ? 1 : 2;
  }
}
