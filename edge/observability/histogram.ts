// A fixed log-bucketed latency histogram: constant memory, mergeable, and each bucket is 5 % wide,
// so a percentile read from it is within 5 % of the true sample. Cheap enough to update per request.
const GROWTH = 1.05;
const MIN_MS = 0.01;
export const BUCKET_COUNT = 420;
const LOG_GROWTH = Math.log(GROWTH);

/** Bucket holding `ms`: bucket i covers (MIN_MS * GROWTH^(i-1), MIN_MS * GROWTH^i]. */
export function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BUCKET_COUNT - 1, Math.ceil(Math.log(ms / MIN_MS) / LOG_GROWTH));
}

/** Upper edge of a bucket in milliseconds: what a percentile inside it is reported as. */
export function bucketUpperMs(bucket: number): number {
  return MIN_MS * GROWTH ** bucket;
}

export type Histogram = Uint32Array;

export const newHistogram = (): Histogram => new Uint32Array(BUCKET_COUNT);

export function record(hist: Histogram, ms: number): void {
  const bucket = bucketOf(ms);
  hist[bucket] = (hist[bucket] ?? 0) + 1;
}

export function mergeInto(target: Histogram, source: Histogram): void {
  source.forEach((n, i) => {
    if (n > 0) target[i] = (target[i] ?? 0) + n;
  });
}

/** The q-quantile (0..1) in ms, or null for an empty histogram. */
export function quantileMs(hist: Histogram, q: number): number | null {
  let total = 0;
  for (const n of hist) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [i, n] of hist.entries()) {
    seen += n;
    if (seen >= rank) return Math.round(bucketUpperMs(i) * 100) / 100;
  }
  return Math.round(bucketUpperMs(BUCKET_COUNT - 1) * 100) / 100;
}
