/** Chromium's install prompt event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

type Listener = () => void;
let offer: BeforeInstallPromptEvent | null = null;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((l) => l());

// Listening from when the shell's module loads: the browser may offer before React renders.
if (typeof window !== "undefined") {
  window.addEventListener("beforeinstallprompt", (event) => {
    // Keep the browser's own mini-bar away; the app offers it in its own words.
    event.preventDefault();
    offer = event as BeforeInstallPromptEvent;
    notify();
  });
  window.addEventListener("appinstalled", () => {
    offer = null;
    notify();
  });
}

/** The browser's pending install offer, if it made one. */
export function installOffer(): BeforeInstallPromptEvent | null {
  return offer;
}

/** Shows the browser's install dialog; an offer can be used once. */
export async function acceptInstallOffer(): Promise<boolean> {
  const pending = offer;
  if (!pending) return false;
  offer = null;
  notify();
  await pending.prompt();
  return (await pending.userChoice).outcome === "accepted";
}

export function onInstallOffer(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Safari on iPhone and iPad has no install prompt: Add to Home Screen is in the Share menu. */
export function needsIosHint(userAgent: string, standalone: boolean): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent);
  // Other iOS browsers (Chrome, Firefox) say so in their user agent; only Safari can add to home.
  const safari = !/CriOS|FxiOS|EdgiOS/.test(userAgent);
  return ios && safari && !standalone;
}
