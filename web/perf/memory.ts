import type { RecordSample } from "./recorder";

interface MemoryMeasurement {
  bytes: number;
}
interface LegacyMemory {
  usedJSHeapSize: number;
}

const hasUaMemory = (
  p: Performance,
): p is Performance & { measureUserAgentSpecificMemory(): Promise<MemoryMeasurement> } =>
  "measureUserAgentSpecificMemory" in p && typeof p.measureUserAgentSpecificMemory === "function";

const hasLegacyMemory = (p: Performance): p is Performance & { memory: LegacyMemory } =>
  "memory" in p && typeof p.memory === "object" && p.memory !== null;

const MB = 1024 * 1024;

/**
 * The page's memory in MB: `measureUserAgentSpecificMemory` (needs cross-origin isolation, which
 * COOP/COEP give us; includes workers and WASM) or else Chrome's JS-heap-only `performance.memory`.
 */
export async function readMemoryMb(): Promise<number | null> {
  if (globalThis.crossOriginIsolated && hasUaMemory(performance)) {
    return (await performance.measureUserAgentSpecificMemory()).bytes / MB;
  }
  if (hasLegacyMemory(performance)) return performance.memory.usedJSHeapSize / MB;
  return null;
}

/** Samples memory every `everyMs`; the browser may take seconds to answer (it waits for a GC). */
export function pollMemory(record: RecordSample, everyMs = 15_000): () => void {
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const mb = await readMemoryMb();
      if (mb !== null) record("memory_mb", Math.round(mb * 10) / 10);
    } catch (err) {
      console.warn("Spotter perf: memory measurement failed", err);
    } finally {
      busy = false;
    }
  };
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return () => clearInterval(timer);
}
