import { useEffect, useState } from "react";
import type { PerfKind, PerfSample } from "../../perf/perf-sample";
import { PERF_CHANNEL, perfDb, recentSamples } from "../../perf/perf-store";

export type DeviceSamples = Partial<Record<PerfKind, PerfSample[]>>;

const POLL_MS = 2000;

/**
 * The latest samples of each kind from the capped store. Redraws when any tab announces a write
 * on PERF_CHANNEL (the Train page runs in another route or tab), and polls as a fallback.
 */
export function useDeviceSamples(kinds: readonly PerfKind[], limit = 200): DeviceSamples {
  const [samples, setSamples] = useState<DeviceSamples>({});
  const key = kinds.join(",");

  useEffect(() => {
    let cancelled = false;
    let loading = false;
    const load = async () => {
      if (loading) return;
      loading = true;
      try {
        const db = perfDb();
        const lists = await Promise.all(
          key.split(",").map((kind) => recentSamples(db, kind as PerfKind, limit)),
        );
        if (!cancelled)
          setSamples(Object.fromEntries(key.split(",").map((kind, i) => [kind, lists[i] ?? []])));
      } catch (err) {
        console.warn("Spotter perf: could not read samples", err);
      } finally {
        loading = false;
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(PERF_CHANNEL) : null;
    channel?.addEventListener("message", () => void load());
    return () => {
      cancelled = true;
      clearInterval(timer);
      channel?.close();
    };
  }, [key, limit]);

  return samples;
}
