import type { Phase } from "../../../shared/form";

/** A movement phase in words, for the screen and for announcements. */
export const PHASE_WORDS: Readonly<Record<Phase, string>> = {
  start: "Ready",
  away: "Going",
  end: "Turn",
  return: "Coming back",
  hold: "Holding",
};
