// The coaching words in the language on screen: shared/form names exercises, faults, cues and
// phases by id and keeps English text for scripts and tests; the UI says them from the `form`
// catalogue. words.test.ts checks every id the engine can produce has its words in every language.
import type { Cue, ExerciseId, FaultId, Phase, View } from "../../../shared/form";
import { i18n } from "../../i18n";
import { formatList } from "../../i18n/format";

/**
 * The `form` catalogue by a key built from engine ids. Keys are typed from the English file, but
 * ids joined at run time are not literal keys: the unit test stands in for the type check here.
 */
export const formText = (key: string, options?: Record<string, unknown>): string =>
  i18n.t(`form:${key}` as never, options as never) as unknown as string;

const has = (key: string) => i18n.exists(`form:${key}`);

/** The exercise's name: "Squat", "Kniebeuge". */
export const exerciseWord = (id: ExerciseId): string => formText(`exercise.${id}`);

/** What a fault is called in an exercise: its exercise-specific name, else its default. */
export function faultWord(exerciseId: ExerciseId, faultId: FaultId): string {
  const specific = `faultIn.${exerciseId}.${faultId}`;
  return formText(has(specific) ? specific : `fault.${faultId}`);
}

/** A fault's name inside a sentence (lower case where the language writes it so: English). */
export function faultInSentence(exerciseId: ExerciseId, faultId: FaultId): string {
  const word = faultWord(exerciseId, faultId);
  return formText("faultInSentence") === "lower" ? word.toLocaleLowerCase(i18n.language) : word;
}

/** A cue in words, by its exercise and fault; the engine's English text if the catalogue lacks it. */
export function cueWord(exerciseId: ExerciseId | null, cue: Pick<Cue, "faultId" | "text">): string {
  const key = `cue.${exerciseId}.${cue.faultId}`;
  return exerciseId && has(key) ? formText(key) : cue.text;
}

/** A movement phase in words, for the screen and for announcements: "Going", "Runter". */
export const phaseWord = (phase: Phase): string => formText(`phase.${phase}`);

/** "1 rep", "3 reps", "3 Wiederholungen": the words for a count. */
export const repsWord = (count: number): string => formText("reps", { count });

/** How to stand so the view allows the faults: "side-on to the camera". */
export const viewWord = (view: View): string => formText(`view.${view}`);

/** One sentence per view that would let the listed faults be judged. */
export function viewAdviceWords(
  exerciseId: ExerciseId,
  items: readonly { view: View; faults: readonly FaultId[] }[],
): string {
  return items
    .map(({ view, faults }) =>
      formText("view.advice", {
        view: viewWord(view),
        faults: formatList(faults.map((id) => faultInSentence(exerciseId, id))),
      }),
    )
    .join(" ");
}
