/** Speaks a cue aloud through the Web Speech API, cutting off any cue still being spoken. */
export function speakCue(text: string): boolean {
  if (typeof speechSynthesis === "undefined" || typeof SpeechSynthesisUtterance === "undefined") return false;
  speechSynthesis.cancel();
  return speakNext(text);
}

/** Speaks after whatever is being said (a rep count must not cut off a cue). */
export function speakNext(text: string): boolean {
  if (typeof speechSynthesis === "undefined" || typeof SpeechSynthesisUtterance === "undefined") return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.rate = 1.1;
  speechSynthesis.speak(utterance);
  return true;
}

/** Stops anything being spoken, e.g. when the set ends or sound is turned off. */
export function silence(): void {
  if (typeof speechSynthesis !== "undefined") speechSynthesis.cancel();
}
