import { repsWord } from "./words";

/**
 * What a screen reader hears while a set runs or a reviewed video plays. The coach updates every
 * analysed frame; announcing at that rate would bury the person in speech, so only changes are
 * announced, and phases (which change several times a rep) only in a quiet moment.
 */

/** The coaching state on one frame, already in words. */
export interface CoachingMoment {
  reps: number;
  /** The movement phase in words ("Going", "Holding"), or null while none is known. */
  phase: string | null;
  /** The newest cue in words, or null. */
  cue: string | null;
}

export interface AnnounceMemory {
  reps: number;
  phase: string | null;
  cue: string | null;
  cueAtMs: number;
  /** When anything, a rep count included, was last announced. */
  lastAtMs: number;
}

/** A phase waits this long after anything else was said (a rep count, a cue, another phase). */
export const PHASE_GAP_MS = 2500;
/** The same cue is said again only after this long. */
export const CUE_REPEAT_MS = 8000;

export const FRESH_MEMORY: AnnounceMemory = {
  reps: 0,
  phase: null,
  cue: null,
  cueAtMs: -Infinity,
  lastAtMs: -Infinity,
};

/**
 * The next announcement for the coaching live region, or null to stay quiet. Rep counts are not in
 * the text (they have their own live region) but count as speech for the phase's quiet gap.
 */
export function nextAnnouncement(
  memory: AnnounceMemory,
  moment: CoachingMoment,
  nowMs: number,
): { memory: AnnounceMemory; text: string | null } {
  const next = { ...memory };
  if (moment.reps !== memory.reps) {
    next.reps = moment.reps;
    next.lastAtMs = nowMs;
  }
  const cueIsNew =
    moment.cue !== null && (moment.cue !== memory.cue || nowMs - memory.cueAtMs >= CUE_REPEAT_MS);
  if (cueIsNew) {
    next.cue = moment.cue;
    next.cueAtMs = nowMs;
    next.lastAtMs = nowMs;
    return { memory: next, text: moment.cue };
  }
  const phaseChanged = moment.phase !== null && moment.phase !== memory.phase;
  if (phaseChanged && nowMs - next.lastAtMs >= PHASE_GAP_MS) {
    next.phase = moment.phase;
    next.lastAtMs = nowMs;
    return { memory: next, text: moment.phase };
  }
  return { memory: next, text: null };
}

/** "1 rep", "3 reps": the words for a count, in the language on screen. */
export function repWords(reps: number): string {
  return repsWord(reps);
}
