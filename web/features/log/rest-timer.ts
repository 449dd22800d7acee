/** A running rest period. Stored as its end time, so it stays right across a locked screen or reload. */
export interface RestTimerState {
  endsAt: number;
  durationMs: number;
  notified: boolean;
}

const KEY = "spotter:rest-timer";
type Listener = (state: RestTimerState | null) => void;
const listeners = new Set<Listener>();

function isState(value: unknown): value is RestTimerState {
  const v = value as Partial<RestTimerState> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.endsAt === "number" &&
    typeof v.durationMs === "number" &&
    typeof v.notified === "boolean"
  );
}

export function readRestTimer(): RestTimerState | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isState(value) ? value : null;
  } catch {
    // A corrupt entry means no timer; it is overwritten by the next one.
    return null;
  }
}

function write(state: RestTimerState | null): void {
  if (state) localStorage.setItem(KEY, JSON.stringify(state));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(state);
}

export function onRestTimer(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startRest(durationMs: number, nowMs = Date.now()): void {
  write({ endsAt: nowMs + durationMs, durationMs, notified: false });
}

export function extendRest(byMs: number): void {
  const state = readRestTimer();
  if (state) write({ ...state, endsAt: state.endsAt + byMs, notified: false });
}

export function stopRest(): void {
  write(null);
}

/** Tells the person rest is over (once): a notification where allowed, and a vibration. */
export async function announceRestOver(): Promise<void> {
  const state = readRestTimer();
  if (!state || state.notified) return;
  write({ ...state, notified: true });
  navigator.vibrate?.([200, 100, 200]);
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (registration)
    await registration.showNotification("Rest over", { body: "Time for your next set.", tag: "rest" });
  else new Notification("Rest over", { body: "Time for your next set.", tag: "rest" });
}

/** Asks for notification permission once, from a tap (browsers ignore it otherwise). */
export function askToNotify(): void {
  if (typeof Notification !== "undefined" && Notification.permission === "default") {
    void Notification.requestPermission();
  }
}
