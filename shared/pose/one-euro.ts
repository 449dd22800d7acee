/** Tuning of a {@link OneEuroFilter}. */
export interface OneEuroOptions {
  /** Cut-off frequency at rest, in Hz: lower removes more jitter when still. */
  minCutoffHz: number;
  /** How fast the cut-off rises with speed (per unit/s): higher means less lag when moving. */
  beta: number;
  /** Cut-off for the speed estimate, in Hz. */
  derivativeCutoffHz: number;
}

/** Defaults tuned for world landmarks in metres at 15 to 60 fps. */
export const DEFAULT_ONE_EURO: OneEuroOptions = { minCutoffHz: 1.5, beta: 5, derivativeCutoffHz: 1 };

const smoothingFactor = (dtS: number, cutoffHz: number): number => {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
};

/**
 * One Euro filter (Casiez et al. 2012): a low-pass filter whose cut-off rises with speed, so it
 * removes jitter at rest without lagging behind fast movement. Works at any, even varying, frame
 * rate because it uses the real time step.
 */
export class OneEuroFilter {
  private value: number | null = null;
  private speed = 0;
  private lastMs = 0;

  constructor(private readonly options: OneEuroOptions = DEFAULT_ONE_EURO) {}

  /** Feeds a sample taken at `tMs` and returns the filtered value. */
  filter(sample: number, tMs: number): number {
    if (this.value === null || tMs <= this.lastMs) {
      if (this.value === null) this.value = sample;
      this.lastMs = Math.max(this.lastMs, tMs);
      return this.value;
    }
    const dtS = (tMs - this.lastMs) / 1000;
    this.lastMs = tMs;
    const rawSpeed = (sample - this.value) / dtS;
    this.speed += smoothingFactor(dtS, this.options.derivativeCutoffHz) * (rawSpeed - this.speed);
    const cutoffHz = this.options.minCutoffHz + this.options.beta * Math.abs(this.speed);
    this.value += smoothingFactor(dtS, cutoffHz) * (sample - this.value);
    return this.value;
  }

  /** The last filtered value, or null before the first sample. */
  get current(): number | null {
    return this.value;
  }

  /** Forgets the history, e.g. after the point was out of view for a while. */
  reset(): void {
    this.value = null;
    this.speed = 0;
  }
}
