import { getProfile, useLiveQuery } from "../../db";
import { useTranslation } from "../../i18n";
import { useExerciseLibrary } from "../library/use-exercise-library";
import { ExportPanel } from "./ExportPanel";
import { ImportPanel } from "./ImportPanel";
import "./import.css";

/** Bring a history in from Strong, Hevy or a Spotter export, and take the log out. */
export default function ImportPage() {
  const { t } = useTranslation("import");
  const library = useExerciseLibrary();
  const profile = useLiveQuery(getProfile, []);
  return (
    <section className="page import">
      <header className="log-header">
        <h1>{t("page.title")}</h1>
      </header>
      {profile === undefined ? (
        <p className="muted">{t("page.loading")}</p>
      ) : (
        <>
          <ImportPanel unit={profile.units} library={library} />
          <ExportPanel unit={profile.units} library={library} />
        </>
      )}
    </section>
  );
}
