import type { PerfKind, PerfSample } from "./perf-sample";
import { PERF_CHANNEL, perfDb, writeSamples, type PerfDb } from "./perf-store";

export type RecordSample = (kind: PerfKind, value: number, label?: string) => void;

/**
 * Buffers samples in memory and writes them in one transaction per `flushMs`, so observers that
 * fire per frame cost an array push, not an IndexedDB write. Announces each write on PERF_CHANNEL.
 */
export class PerfRecorder {
  private queue: PerfSample[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly channel =
    typeof BroadcastChannel === "function" ? new BroadcastChannel(PERF_CHANNEL) : null;

  constructor(
    private readonly db: PerfDb = perfDb(),
    private readonly flushMs = 1000,
  ) {}

  readonly record: RecordSample = (kind, value, label) => {
    if (!Number.isFinite(value)) return;
    this.queue.push(
      label === undefined ? { kind, value, atMs: Date.now() } : { kind, value, atMs: Date.now(), label },
    );
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  };

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    try {
      await writeSamples(this.db, batch);
      this.channel?.postMessage({ written: batch.length });
    } catch (err) {
      console.warn("Spotter perf: could not store samples", err);
    }
  }
}
