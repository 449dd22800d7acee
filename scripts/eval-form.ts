/**
 * Runs the form engine over the synthetic corpus and prints rep-count exact-match rate,
 * per-fault precision / recall / F1 and per-frame accuracy of the labelled signals.
 * Usage: npm run eval:form [-- --seeds N] [--only squat,push_up] [--json]
 */
import { EXERCISE_IDS, isExerciseId } from "../shared/form/types";
import { corpus } from "../shared/form/testing/corpus";
import { evaluate, type EvaluationReport } from "../shared/form/testing/evaluate";

const args = process.argv.slice(2);
const json = args.includes("--json");
const seedsIndex = args.indexOf("--seeds");
const seedsPerCell = seedsIndex >= 0 ? Number(args[seedsIndex + 1]) : 2;
if (!Number.isInteger(seedsPerCell) || seedsPerCell < 1) {
  throw new Error(`--seeds needs a positive integer, got ${args[seedsIndex + 1]}`);
}

const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? "").split(",") : undefined;
const unknown = only?.filter((id) => !isExerciseId(id)) ?? [];
if (unknown.length > 0) throw new Error(`--only: unknown exercise ${unknown.join(", ")}`);
const exercises = EXERCISE_IDS.filter((id) => !only || only.includes(id));

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function faultRows(report: EvaluationReport) {
  return Object.entries(report.faults)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fault, t]) => {
      const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
      const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { fault, ...t, precision, recall, f1 };
    });
}

const started = performance.now();
const report = evaluate(corpus({ seedsPerCell, exercises }));
const elapsedS = (performance.now() - started) / 1000;
const rows = faultRows(report);
const frames = Object.fromEntries(
  Object.entries(report.frames).map(([name, t]) => [name, t.total ? t.correct / t.total : 1]),
);
const exactRate = report.exactCounts / report.sequences;

if (!json) {
  console.log(`sequences: ${report.sequences} in ${elapsedS.toFixed(1)} s`);
  console.log(
    `rep count exact match: ${pct(exactRate)}  partial-rep count exact: ${pct(report.exactPartials / report.sequences)}`,
  );
  for (const miss of report.countMisses.slice(0, 15)) console.log(`  miss ${JSON.stringify(miss)}`);
  console.log("\nfault                                   tp   fp   fn  precision  recall     F1");
  for (const r of rows) {
    console.log(
      `${r.fault.padEnd(38)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${pct(r.precision).padStart(9)} ${pct(r.recall).padStart(7)} ${pct(r.f1).padStart(6)}`,
    );
  }
  console.log("\nper-frame accuracy");
  for (const [name, accuracy] of Object.entries(frames)) {
    console.log(`${name.padEnd(24)} ${pct(accuracy).padStart(7)}  (${report.frames[name]?.total} frames)`);
  }
}
console.log(
  JSON.stringify({
    sequences: report.sequences,
    repCountExactRate: exactRate,
    partialCountExactRate: report.exactPartials / report.sequences,
    faults: Object.fromEntries(
      rows.map((r) => [
        r.fault,
        { precision: r.precision, recall: r.recall, f1: r.f1, tp: r.tp, fp: r.fp, fn: r.fn },
      ]),
    ),
    frameAccuracy: frames,
    elapsedS,
  }),
);
