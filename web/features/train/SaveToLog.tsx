import { useState } from "react";
import { useTranslation } from "../../i18n";
import type { SetSummary } from "../../../shared/form";

// The database code (about 100 KB) loads when a set is saved, not with Train: Train's first paint
// on a warm start waited for it before (bench load section).
const loadSaver = () => import("../../db/camera-set");

/**
 * Saves a counted set (live or from a reviewed video) to today's workout with each rep's form.
 * Says "Saved" only once the write is committed; one press saves once.
 */
export function SaveToLog({ summary }: { summary: SetSummary }) {
  const { t } = useTranslation("train");
  const [state, setState] = useState<"idle" | "saving" | "saved" | { error: string }>("idle");
  const save = async () => {
    setState("saving");
    try {
      const { saveCameraSet } = await loadSaver();
      await saveCameraSet(summary);
      setState("saved");
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void save()}
        disabled={state === "saving" || state === "saved" || (summary.reps === 0 && !summary.holdMs)}
      >
        {state === "saved" ? t("save.saved") : t("save.save")}
      </button>
      {typeof state === "object" && <p role="alert">{state.error}</p>}
    </>
  );
}
