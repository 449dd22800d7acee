import { currentLanguage } from "../../i18n";

const canSpeak = () =>
  typeof speechSynthesis !== "undefined" && typeof SpeechSynthesisUtterance !== "undefined";

/**
 * A voice for the language, if the device has one: its default voice for the language first. None
 * found (or voices not listed yet) leaves the choice to the browser, which then goes by `lang`.
 */
export function voiceFor(lang: string, voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const inLanguage = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang);
  return inLanguage.find((v) => v.default) ?? inLanguage.find((v) => v.localService) ?? inLanguage[0] ?? null;
}

/** Speaks a cue aloud through the Web Speech API, cutting off any cue still being spoken. */
export function speakCue(text: string): boolean {
  if (!canSpeak()) return false;
  speechSynthesis.cancel();
  return speakNext(text);
}

/** Speaks after whatever is being said (a rep count must not cut off a cue), in the language on screen. */
export function speakNext(text: string): boolean {
  if (!canSpeak()) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  const lang = currentLanguage();
  utterance.lang = lang;
  const voice = voiceFor(lang, speechSynthesis.getVoices());
  if (voice) utterance.voice = voice;
  utterance.rate = 1.1;
  speechSynthesis.speak(utterance);
  return true;
}

/** Stops anything being spoken, e.g. when the set ends or sound is turned off. */
export function silence(): void {
  if (typeof speechSynthesis !== "undefined") speechSynthesis.cancel();
}
