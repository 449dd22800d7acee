import { EXERCISES } from "./exercises";
import { faultLabel } from "./labels";
import type { ExerciseId, FaultId, FrameVerdict, View } from "./types";

const VIEW_WORDS: Record<View, string> = {
  side: "side-on to the camera",
  front: "facing the camera",
  oblique: "at an angle to the camera",
};

/** Share of the frames with a person on which a fault must go unjudged to be worth saying. */
const MOSTLY = 0.5;

/** One view that would let faults be judged which the camera's view kept from being judged. */
export interface ViewAdviceItem {
  view: View;
  faults: FaultId[];
}

/**
 * The faults the camera's view kept from being judged, grouped by the view that would allow them;
 * empty when the view allows everything. Faults that go unjudged only because a point is out of
 * sight are not the view's fault and are left out. The UI words it from its catalogue.
 */
export function viewAdviceItems(exerciseId: ExerciseId, verdicts: readonly FrameVerdict[]): ViewAdviceItem[] {
  const seen = verdicts.filter((v) => v.view !== undefined);
  if (seen.length === 0) return [];
  const byView = new Map<View, FaultId[]>();
  for (const spec of EXERCISES[exerciseId].faults) {
    const blocked = seen.filter((v) => !spec.views.includes(v.view as View)).length;
    if (blocked < MOSTLY * seen.length) continue;
    const wanted = spec.views.includes("side") ? "side" : (spec.views[0] ?? "side");
    const list = byView.get(wanted) ?? [];
    if (!list.includes(spec.id)) list.push(spec.id);
    byView.set(wanted, list);
  }
  return [...byView].map(([view, faults]) => ({ view, faults }));
}

/**
 * What the camera's view keeps from being judged, and which view would allow it, in English: one
 * sentence a person can act on ("Stand side-on to the camera to have hips sagging and hips too
 * high checked"), or null when the view allows everything.
 */
export function viewAdvice(exerciseId: ExerciseId, verdicts: readonly FrameVerdict[]): string | null {
  const items = viewAdviceItems(exerciseId, verdicts);
  if (items.length === 0) return null;
  return items
    .map(({ view, faults }) => {
      const names = faults.map((id) => faultLabel(exerciseId, id).toLowerCase());
      return `Stand ${VIEW_WORDS[view]} to have ${joinWords(names)} checked.`;
    })
    .join(" ");
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
