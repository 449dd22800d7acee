import type { PoseBenchFigures, PoseBenchOptions } from "./bench-harness";

declare global {
  interface Window {
    /** Set on /train?bench=1 only: scripts/bench-pose drives it. */
    __spotterBench?: (opts: PoseBenchOptions) => Promise<PoseBenchFigures>;
  }
}
