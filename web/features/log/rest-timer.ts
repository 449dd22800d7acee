import { i18n } from "../../i18n";
import { playRestTone, showRestNotification, vibrateRestOver } from "./rest-signals";

/** A running rest period. Stored as its end time, so it stays right across a locked screen or reload. */
export interface RestTimerState {
  endsAt: number;
  durationMs: number;
  /** A system notification was due: the rest ended while the page was hidden. */
  notified: boolean;
  /**
   * The page itself said rest is over (tone, vibration, screen reader), once, while visible. Absent
   * in timers stored by older versions, whose `notified` meant everything was done.
   */
  signalled?: boolean;
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
    typeof v.notified === "boolean" &&
    (v.signalled === undefined || typeof v.signalled === "boolean")
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
  write({ endsAt: nowMs + durationMs, durationMs, notified: false, signalled: false });
}

export function extendRest(byMs: number): void {
  const state = readRestTimer();
  if (state) write({ ...state, endsAt: state.endsAt + byMs, notified: false, signalled: false });
}

export function stopRest(): void {
  write(null);
}

/** What is still owed once rest is over: a notification while the page is hidden, the page's own signal when seen. */
export function restOverDue(
  state: RestTimerState,
  nowMs: number,
  pageVisible: boolean,
): { notify: boolean; signal: boolean } {
  const signalled = state.signalled ?? state.notified;
  if (nowMs < state.endsAt || signalled) return { notify: false, signal: false };
  // Hidden, the browser drops vibration and the person may be elsewhere: a notification, if allowed.
  // Seen again, the page says it once itself: missed seconds are not made up for one by one.
  return pageVisible ? { notify: false, signal: true } : { notify: !state.notified, signal: false };
}

/**
 * Tells the person rest is over: while the page is hidden, a notification where allowed; when the
 * page is (or comes back) in view, a tone and a vibration, once. Returns whether the page signalled.
 */
export async function announceRestOver(pageVisible: boolean, nowMs = Date.now()): Promise<boolean> {
  const state = readRestTimer();
  if (!state) return false;
  const due = restOverDue(state, nowMs, pageVisible);
  if (due.signal) {
    write({ ...state, notified: true, signalled: true });
    playRestTone();
    vibrateRestOver();
    return true;
  }
  if (due.notify) {
    write({ ...state, notified: true });
    await showRestNotification(i18n.t("log:rest.notificationTitle"), i18n.t("log:rest.notificationBody"));
  }
  return false;
}

/** Asks for notification permission once, from a tap (browsers ignore it otherwise). */
export function askToNotify(): void {
  if (typeof Notification !== "undefined" && Notification.permission === "default") {
    void Notification.requestPermission();
  }
}
