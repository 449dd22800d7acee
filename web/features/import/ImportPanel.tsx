import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { ExerciseChoice, FileWeightUnit } from "../../../shared/import";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { ExerciseLibrary } from "../library/exercise-data";
import { createImportSession, ImportWorkerError, STALL_MS, type ImportSession } from "./import-client";
import type { Analysis, AnalyseProgress, NameChoices, StoreResult } from "./import-types";
import { ImportReview } from "./ImportReview";
import { loadRememberedChoices, rememberChoices } from "./remembered-choices";
import { kindCounts, notKeptWords, skippedRows } from "./words";

type Step =
  | { at: "choose" }
  | { at: "reading"; phase: AnalyseProgress["phase"] }
  | { at: "review"; analysis: Analysis }
  | { at: "writing"; analysis: Analysis; done: number; total: number }
  | { at: "done"; analysis: Analysis; result: StoreResult };

/** What went wrong and which step "Try again" repeats. */
interface Failure {
  message: string;
  retry: (() => void) | null;
}

/** Choose a file, review its names, store it in chunks with progress, then see what happened. */
export function ImportPanel(props: { unit: FileWeightUnit; library: ExerciseLibrary | undefined }) {
  const { t } = useTranslation("import");
  const [step, setStep] = useState<Step>({ at: "choose" });
  const [fileUnit, setFileUnit] = useState<FileWeightUnit>(props.unit);
  const [choices, setChoices] = useState<NameChoices>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const session = useRef<ImportSession | null>(null);
  const file = useRef<File | null>(null);

  useEffect(() => () => session.current?.close(), []);

  const describe = (err: unknown): string => {
    if (err instanceof ImportWorkerError)
      return err.code === "worker_silent"
        ? t("errors.worker_silent", { seconds: formatNumber(STALL_MS / 1000) })
        : t("errors.worker_stopped", { detail: err.message });
    return t("errors.failed", { detail: err instanceof Error ? err.message : String(err) });
  };

  /** A fresh worker for each file (and each retry): a stuck one is ended, never waited on. */
  function restart(): ImportSession {
    session.current?.close();
    session.current = createImportSession();
    return session.current;
  }

  async function analyse(chosen: File, unit: FileWeightUnit) {
    setFailure(null);
    file.current = chosen;
    const current = restart();
    setStep({ at: "reading", phase: "reading" });
    try {
      const analysis = await current.analyse(chosen, unit, loadRememberedChoices(), (p) =>
        setStep((s) => (s.at === "reading" ? { at: "reading", phase: p.phase } : s)),
      );
      if (session.current !== current) return;
      if (analysis.kind === "unreadable") {
        setFailure({
          message: t(`errors.file.${analysis.reason}`, { sample: analysis.params.sample ?? "" }),
          retry: null,
        });
        setStep({ at: "choose" });
        return;
      }
      const initial: NameChoices = {};
      if (analysis.kind === "csv")
        for (const n of analysis.names) initial[n.name] = n.match ?? { kind: "own" };
      setChoices(initial);
      setStep({ at: "review", analysis });
    } catch (err) {
      if (session.current !== current) return;
      setFailure({ message: describe(err), retry: () => void analyse(chosen, unit) });
      setStep({ at: "choose" });
    }
  }

  async function store(analysis: Analysis, fresh = false) {
    if (analysis.kind === "unreadable") return;
    setFailure(null);
    if (analysis.kind === "csv") {
      const reviewed = Object.fromEntries(
        analysis.names
          .filter((n) => n.match === null)
          .map((n) => [n.name, choices[n.name] ?? { kind: "own" as const }]),
      );
      rememberChoices(reviewed);
    }
    setStep({ at: "writing", analysis, done: 0, total: 0 });
    let current = session.current;
    try {
      // After a failure the worker may be stuck: trying again reads the file anew in a new one.
      if (fresh || !current) {
        current = restart();
        if (file.current) await current.analyse(file.current, fileUnit, loadRememberedChoices(), () => {});
      }
      const policy = analysis.kind === "csv" ? "keep-existing" : "newer-wins";
      const result = await current.store(choices, policy, (p) =>
        setStep((s) =>
          s.at === "writing" ? { at: "writing", analysis, done: p.records, total: p.totalRecords } : s,
        ),
      );
      if (session.current !== current) return;
      setStep({ at: "done", analysis, result });
    } catch (err) {
      if (session.current !== current) return;
      // Chunks already stored stay stored (each is whole); trying again adds only the rest.
      setFailure({
        message: `${describe(err)} ${t("errors.partial")}`,
        retry: () => void store(analysis, true),
      });
      setStep({ at: "review", analysis });
    }
  }

  const choose = (name: string, choice: ExerciseChoice) => setChoices((c) => ({ ...c, [name]: choice }));
  const busy = step.at === "reading" || step.at === "writing";

  return (
    <section aria-label={t("panel.title")} className="import-panel">
      <h2>{t("panel.title")}</h2>
      <p className="muted">{t("panel.intro")}</p>
      <label>
        {t("panel.unitLabel")}{" "}
        <select
          value={fileUnit}
          disabled={busy}
          onChange={(e) => {
            const unit = e.target.value as FileWeightUnit;
            setFileUnit(unit);
            if (file.current && step.at === "review") void analyse(file.current, unit);
          }}
        >
          <option value="kg">{t("unit.kg", { ns: "common" })}</option>
          <option value="lb">{t("unit.lb", { ns: "common" })}</option>
        </select>
      </label>
      <p className="muted">{t("panel.unitNote")}</p>
      <label className="import-file">
        {t("panel.file")}
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={busy}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) void analyse(chosen, fileUnit);
          }}
        />
      </label>
      {failure && (
        <div role="alert" className="import-failure">
          <p>{failure.message}</p>
          {failure.retry && (
            <button type="button" onClick={failure.retry}>
              {t("panel.retry")}
            </button>
          )}
        </div>
      )}
      {step.at === "reading" && (
        <p role="status" aria-label={t("panel.status")}>
          <progress aria-label={t("panel.reading")} /> {t(`panel.phase.${step.phase}`)}
        </p>
      )}
      {step.at === "review" && (
        <ImportReview
          analysis={step.analysis}
          choices={choices}
          library={props.library}
          onChoose={choose}
          onImport={() => void store(step.analysis)}
        />
      )}
      {step.at === "writing" && (
        <p role="status" aria-label={t("panel.status")}>
          <progress aria-label={t("panel.progress")} value={step.done} max={Math.max(1, step.total)} />{" "}
          {t("panel.saved", { done: formatNumber(step.done), total: formatNumber(step.total) })}
        </p>
      )}
      {step.at === "done" && <Summary analysis={step.analysis} result={step.result} />}
    </section>
  );
}

function Summary(props: { analysis: Analysis; result: StoreResult }) {
  const { t } = useTranslation("import");
  const { totals } = props.result;
  const notKept = props.result.plan.notKept ? notKeptWords(props.result.plan.notKept) : null;
  const skipped = props.analysis.kind === "csv" ? skippedRows(props.analysis.skipped) : null;
  return (
    <div role="status" aria-label={t("summary.region")} className="import-summary">
      <p>
        <strong>{t("summary.imported", { counts: kindCounts(totals.written) })}</strong>
      </p>
      {Object.keys(totals.skipped).length > 0 && (
        <p>{t("summary.alreadyThere", { counts: kindCounts(totals.skipped) })}</p>
      )}
      {skipped && <p>{t("summary.rowsNotImported", { rows: skipped })}</p>}
      {notKept && <p>{t("summary.notKept", { items: notKept })}</p>}
      <p>
        <Link href="~/log">{t("summary.seeLog")}</Link>
      </p>
    </div>
  );
}
