import { useEffect } from "react";
import { DevicePanel } from "./DevicePanel";
import { ServerPanel } from "./ServerPanel";
import "./performance.css";

export default function PerformancePage() {
  useEffect(() => {
    // The benchmark's hook loads only when asked for, in its own chunk.
    if (new URLSearchParams(location.search).get("bench") === "sync") {
      void import("./bench/sync-bench").then((m) => m.installSyncBench());
    }
  }, []);
  return (
    <section className="page perf-page">
      <h1>Diagnostics</h1>
      <p className="muted">
        Live figures from this device (recorded while you train, kept for the last 5,000 samples) and from the
        server. Dashed lines are the alert limits.
      </p>
      <DevicePanel />
      <ServerPanel />
    </section>
  );
}
