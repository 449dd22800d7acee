import { useEffect } from "react";

/** On /train?bench=1, loads the pose benchmark and exposes it for scripts/bench-pose. */
export function useBenchHook(): void {
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has("bench")) return;
    void import("./bench-harness").then(({ runPoseBench }) => {
      window.__spotterBench = runPoseBench;
    });
    void import("../../../pose/bench/real-harness").then(({ installRealHarness }) => installRealHarness());
  }, []);
}
