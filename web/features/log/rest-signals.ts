/**
 * The ways the app tells a person their rest is over. Each is best effort: a browser may refuse one
 * (no vibration motor, sound not allowed yet, notifications not granted) and the others still run.
 */

let audio: AudioContext | null = null;

/** A double beep through Web Audio (no sound file to cache); silent where the browser refuses audio. */
export function playRestTone(): void {
  if (typeof AudioContext === "undefined") return;
  try {
    audio ??= new AudioContext();
    // A context made before the person touched the page starts suspended; resuming may be refused.
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (const offsetS of [0, 0.25]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, start + offsetS);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offsetS + 0.18);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offsetS);
      tone.stop(start + offsetS + 0.2);
    }
  } catch {
    // No audio device, or too many contexts: the vibration and the page still say it.
  }
}

/** Two pulses where the device vibrates (browsers ignore it while the page is hidden). */
export function vibrateRestOver(): void {
  if (typeof navigator.vibrate === "function") navigator.vibrate([200, 100, 200]);
}

/** A system notification, if the person allowed them; through the service worker where there is one. */
export async function showRestNotification(title: string, body: string): Promise<void> {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (registration) await registration.showNotification(title, { body, tag: "rest" });
  else new Notification(title, { body, tag: "rest" });
}
