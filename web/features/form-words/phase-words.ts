import type { Phase } from "../../../shared/form";
import { phaseWord } from "./words";

/**
 * A movement phase in words, for the screen and for announcements, in the language on screen (each
 * entry reads the catalogue when it is read).
 */
export const PHASE_WORDS: Readonly<Record<Phase, string>> = {
  get start() {
    return phaseWord("start");
  },
  get away() {
    return phaseWord("away");
  },
  get end() {
    return phaseWord("end");
  },
  get return() {
    return phaseWord("return");
  },
  get hold() {
    return phaseWord("hold");
  },
};
