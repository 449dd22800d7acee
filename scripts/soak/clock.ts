// Per-device clocks in one process: `Date.now()` reads the clock of the device whose work is
// running (AsyncLocalStorage follows it through awaits, IndexedDB callbacks and timers), so each
// simulated device stamps its edits with its own, possibly skewed, time. Outside any device it is
// the real clock.
import { AsyncLocalStorage } from "node:async_hooks";

export interface DeviceClock {
  /** The device's reading now, in ms. */
  now(): number;
}

const current = new AsyncLocalStorage<DeviceClock>();
const realNow = Date.now.bind(Date);
let installed = false;

/** Replaces `Date.now` once with a reader of the running device's clock. */
export function installDeviceClocks(): void {
  if (installed) return;
  installed = true;
  Date.now = () => current.getStore()?.now() ?? realNow();
}

/** Runs `body` with `clock` as `Date.now()` for everything it starts. */
export const withClock = <T>(clock: DeviceClock, body: () => Promise<T>): Promise<T> =>
  current.run(clock, body);

export { realNow };
