import { useState } from "react";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { download, exportEverythingJson, exportLogCsv, fileDay } from "./export-data";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Take the log out as Strong's CSV (other apps read it) or everything as JSON (Spotter reads it back). */
export function ExportPanel(props: { unit: WeightUnit; library: ExerciseLibrary | undefined }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function run(make: () => Promise<Blob>, fileName: string, done: string) {
    setBusy(true);
    setNote("Preparing the file…");
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
    <section aria-label="Export" className="import-panel">
      <h2>Export</h2>
      <p className="muted">
        The log as CSV in Strong&apos;s format (weights in {props.unit}), which other training apps import; or
        everything on this device as JSON, which Spotter imports back as it was.
      </p>
      <div className="import-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy || !props.library}
          onClick={() =>
            void run(
              () => exportLogCsv(props.unit, (id) => exerciseName(id, props.library)),
              `spotter-log-${fileDay()}.csv`,
              "Your log is downloading as CSV.",
            )
          }
        >
          Export log as CSV
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(
              () => exportEverythingJson(),
              `spotter-everything-${fileDay()}.json`,
              "Everything is downloading as JSON.",
            )
          }
        >
          Export everything as JSON
        </button>
      </div>
      {note && (
        <p role="status" aria-label="Export status">
          {note}
        </p>
      )}
    </section>
  );
}
