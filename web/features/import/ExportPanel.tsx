import { useState } from "react";
import { useTranslation } from "../../i18n";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { download, exportEverythingJson, exportLogCsv, fileDay } from "./export-data";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Take the log out as Strong's CSV (other apps read it) or everything as JSON (Spotter reads it back). */
export function ExportPanel(props: { unit: WeightUnit; library: ExerciseLibrary | undefined }) {
  const { t } = useTranslation("import");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function run(make: () => Promise<Blob>, fileName: string, done: string) {
    setBusy(true);
    setNote(t("export.preparing"));
    try {
      download(await make(), fileName);
      setNote(done);
    } catch (err) {
      setNote(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label={t("export.region")} className="import-panel">
      <h2>{t("export.title")}</h2>
      <p className="muted">{t("export.intro", { unit: props.unit })}</p>
      <div className="import-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy || !props.library}
          onClick={() =>
            void run(
              () => exportLogCsv(props.unit, (id) => exerciseName(id, props.library)),
              `spotter-log-${fileDay()}.csv`,
              t("export.csvDone"),
            )
          }
        >
          {t("export.csv")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(
              () => exportEverythingJson(),
              `spotter-everything-${fileDay()}.json`,
              t("export.jsonDone"),
            )
          }
        >
          {t("export.json")}
        </button>
      </div>
      {note && (
        <p role="status" aria-label={t("export.status")}>
          {note}
        </p>
      )}
    </section>
  );
}
