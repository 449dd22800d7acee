// Long enough to smooth jitter, short enough to show a slowdown within a second.
const WINDOW_MS = 1000;

/** Analysed frames per second over the last second of camera time. */
export class FpsMeter {
  private readonly times: number[] = [];

  tick(frameMs: number): number {
    this.times.push(frameMs);
    while (this.times.length > 1 && frameMs - (this.times[0] ?? frameMs) > WINDOW_MS) this.times.shift();
    const spanMs = frameMs - (this.times[0] ?? frameMs);
    return spanMs > 0 ? Math.round(((this.times.length - 1) * 1000) / spanMs) : 0;
  }
}
