import { getProfile, useLiveQuery } from "../../db";
import { useExerciseLibrary } from "../library/use-exercise-library";
import { ExportPanel } from "./ExportPanel";
import { ImportPanel } from "./ImportPanel";
import "./import.css";

/** Bring a history in from Strong, Hevy or a Spotter export, and take the log out. */
export default function ImportPage() {
  const library = useExerciseLibrary();
  const profile = useLiveQuery(getProfile, []);
  return (
    <section className="page import">
      <header className="log-header">
        <h1>Import and export</h1>
      </header>
      {profile === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <ImportPanel unit={profile.units} library={library} />
          <ExportPanel unit={profile.units} library={library} />
        </>
      )}
    </section>
  );
}
