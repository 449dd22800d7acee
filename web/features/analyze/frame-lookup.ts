/** Index of the last frame at or before `tMs` (frames sorted by time), or -1 when none is. */
export function frameIndexAt(times: readonly { tMs: number }[], tMs: number): number {
  let low = 0;
  let high = times.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (times[mid]!.tMs <= tMs) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
