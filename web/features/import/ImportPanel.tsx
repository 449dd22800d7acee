import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { ExerciseChoice, FileWeightUnit } from "../../../shared/import";
import type { ExerciseLibrary } from "../library/exercise-data";
import { createImportSession, type ImportSession, type ImportTotals } from "./import-client";
import type { Analysis, AnalyseProgress, ImportPlan, NameChoices } from "./import-types";
import { NameReviewList } from "./NameReview";
import { loadRememberedChoices, rememberChoices } from "./remembered-choices";
import { count, kindCounts, monthYear, notKeptWords, skippedRows, SOURCE_NAMES } from "./words";

type Step =
  | { at: "choose" }
  | { at: "reading"; phase: AnalyseProgress["phase"] }
  | { at: "review"; analysis: Analysis }
  | { at: "writing"; analysis: Analysis; done: number; total: number }
  | { at: "done"; analysis: Analysis; plan: ImportPlan; totals: ImportTotals };

const PHASE_WORDS: Record<AnalyseProgress["phase"], string> = {
  reading: "Reading the file…",
  parsing: "Reading its rows…",
  matching: "Matching exercise names to the library…",
};

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Choose a file, review its names, store it in chunks with progress, then see what happened. */
export function ImportPanel(props: { unit: FileWeightUnit; library: ExerciseLibrary | undefined }) {
  const [step, setStep] = useState<Step>({ at: "choose" });
  const [fileUnit, setFileUnit] = useState<FileWeightUnit>(props.unit);
  const [choices, setChoices] = useState<NameChoices>({});
  const [error, setError] = useState<string | null>(null);
  const session = useRef<ImportSession | null>(null);
  const file = useRef<File | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      abort.current?.abort();
      session.current?.close();
    },
    [],
  );

  async function analyse(chosen: File, unit: FileWeightUnit) {
    setError(null);
    file.current = chosen;
    session.current?.close();
    session.current = createImportSession();
    setStep({ at: "reading", phase: "reading" });
    try {
      const analysis = await session.current.analyse(chosen, unit, loadRememberedChoices(), (p) =>
        setStep({ at: "reading", phase: p.phase }),
      );
      const initial: NameChoices = {};
      if (analysis.kind === "csv")
        for (const n of analysis.names) initial[n.name] = n.match ?? { kind: "own" };
      setChoices(initial);
      setStep({ at: "review", analysis });
    } catch (err) {
      setError(messageOf(err));
      setStep({ at: "choose" });
    }
  }

  async function store(analysis: Analysis) {
    const current = session.current;
    if (!current) return;
    setError(null);
    if (analysis.kind === "csv") {
      const reviewed = Object.fromEntries(
        analysis.names
          .filter((n) => n.match === null)
          .map((n) => [n.name, choices[n.name] ?? { kind: "own" as const }]),
      );
      rememberChoices(reviewed);
    }
    abort.current = new AbortController();
    try {
      const plan = await current.plan(choices);
      setStep({ at: "writing", analysis, done: 0, total: plan.records });
      const policy = analysis.kind === "csv" ? "keep-existing" : "newer-wins";
      const totals = await current.write(
        plan,
        policy,
        (p) => setStep({ at: "writing", analysis, done: p.records, total: p.totalRecords }),
        abort.current.signal,
      );
      setStep({ at: "done", analysis, plan, totals });
    } catch (err) {
      if (abort.current.signal.aborted) return;
      // Chunks already stored stay stored (each is whole); importing the file again adds only the rest.
      setError(
        `${messageOf(err)} What was saved before this stays in your log; import the file again to add the rest.`,
      );
      setStep({ at: "review", analysis });
    }
  }

  const choose = (name: string, choice: ExerciseChoice) => setChoices((c) => ({ ...c, [name]: choice }));
  const busy = step.at === "reading" || step.at === "writing";

  return (
    <section aria-label="Import" className="import-panel">
      <h2>Import</h2>
      <p className="muted">
        A CSV export from Strong or Hevy, or a Spotter JSON export. Workouts already imported are skipped.
      </p>
      <label>
        Weights in a Strong CSV are in{" "}
        <select
          value={fileUnit}
          disabled={busy}
          onChange={(e) => {
            const unit = e.target.value as FileWeightUnit;
            setFileUnit(unit);
            if (file.current && step.at === "review") void analyse(file.current, unit);
          }}
        >
          <option value="kg">kg</option>
          <option value="lb">lb</option>
        </select>
      </label>
      <p className="muted">
        Strong&apos;s current export does not say its unit; Hevy&apos;s and older Strong files do.
      </p>
      <label className="import-file">
        File to import
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
      {error && <p role="alert">{error}</p>}
      {step.at === "reading" && (
        <p role="status" aria-label="Import status">
          <progress aria-label="Reading the file" /> {PHASE_WORDS[step.phase]}
        </p>
      )}
      {step.at === "review" && (
        <Review
          analysis={step.analysis}
          choices={choices}
          library={props.library}
          onChoose={choose}
          onImport={() => void store(step.analysis)}
        />
      )}
      {step.at === "writing" && (
        <p role="status" aria-label="Import status">
          <progress aria-label="Import progress" value={step.done} max={Math.max(1, step.total)} /> Saved{" "}
          {step.done.toLocaleString()} of {step.total.toLocaleString()} records…
        </p>
      )}
      {step.at === "done" && <Summary analysis={step.analysis} plan={step.plan} totals={step.totals} />}
    </section>
  );
}

function Review(props: {
  analysis: Analysis;
  choices: NameChoices;
  library: ExerciseLibrary | undefined;
  onChoose: (name: string, choice: ExerciseChoice) => void;
  onImport: () => void;
}) {
  const a = props.analysis;
  if (a.kind === "json") {
    return (
      <div className="import-review">
        <p>
          A Spotter export with {kindCounts(a.counts)}.
          {a.invalid > 0 &&
            ` ${count(a.invalid, "record is", "records are")} not valid and will not be imported (${a.firstInvalid}).`}
        </p>
        <button type="button" onClick={props.onImport}>
          Import this export
        </button>
      </div>
    );
  }
  const skipped = skippedRows(a.skipped);
  return (
    <div className="import-review">
      <p>
        A {SOURCE_NAMES[a.source]} export: {count(a.workouts, "workout", "workouts")} with{" "}
        {count(a.sets, "set", "sets")}
        {a.firstMs !== null && a.lastMs !== null && `, ${monthYear(a.firstMs)} to ${monthYear(a.lastMs)}`}.
        Dates read as {a.dateFormat}.{skipped.length > 0 && ` Not imported: ${skipped.join(", ")}.`}
      </p>
      <NameReviewList
        names={a.names}
        choices={props.choices}
        library={props.library}
        onChoose={props.onChoose}
      />
      <button type="button" onClick={props.onImport}>
        Import {count(a.workouts, "workout", "workouts")}
      </button>
    </div>
  );
}

function Summary(props: { analysis: Analysis; plan: ImportPlan; totals: ImportTotals }) {
  const { totals, plan } = props;
  const notKept = plan.notKept ? notKeptWords(plan.notKept) : [];
  const skipped = props.analysis.kind === "csv" ? skippedRows(props.analysis.skipped) : [];
  const unchanged = kindCounts(totals.skipped);
  return (
    <div role="status" aria-label="Import summary" className="import-summary">
      <p>
        <strong>Imported {kindCounts(totals.written)}.</strong>
      </p>
      {Object.keys(totals.skipped).length > 0 && <p>Skipped, already in your log: {unchanged}.</p>}
      {skipped.length > 0 && <p>Rows not imported: {skipped.join(", ")}.</p>}
      {notKept.length > 0 && <p>Not kept: {notKept.join("; ")}.</p>}
      <p>
        <Link href="~/log">See them in the Log</Link>
      </p>
    </div>
  );
}
