// `npm test`: check (typecheck, lint, format), unit, Worker and e2e tests, then one summary.
// Every step runs even when an earlier one fails, so one run shows everything that is wrong.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { relative } from "node:path";

// Outside test-results/, which Playwright empties when it starts.
const out = ".cache/test-summary";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const vitestJson = (name) => [
  `--reporter=default`,
  `--reporter=json`,
  `--outputFile.json=${out}/${name}.json`,
];
const steps = [
  { name: "typecheck", cmd: "npm", args: ["run", "-s", "typecheck"] },
  { name: "lint", cmd: "npm", args: ["run", "-s", "lint"] },
  { name: "format", cmd: "npm", args: ["run", "-s", "format:check"] },
  {
    name: "unit",
    cmd: "npx",
    args: ["vitest", "run", "--project", "shared", "--project", "web", ...vitestJson("unit")],
    counts: () => vitestCounts(`${out}/unit.json`),
  },
  {
    name: "edge",
    cmd: "npx",
    args: ["vitest", "run", "--project", "edge", ...vitestJson("edge")],
    counts: () => vitestCounts(`${out}/edge.json`),
  },
  {
    name: "e2e",
    cmd: "npx",
    args: ["playwright", "test"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json` },
    counts: () => playwrightCounts(`${out}/e2e.json`),
  },
];

// Each count carries the names of the failed tests, so the summary (the part of a long CI log
// people read) says which ones failed.
function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8"));
  const failedNames = r.testResults.flatMap((f) =>
    f.assertionResults
      .filter((t) => t.status === "failed")
      .map((t) => `${relative(process.cwd(), f.name)} › ${t.fullName}`),
  );
  // A file that fails before its tests run (an import error, say) has no failed test to name.
  for (const f of r.testResults) {
    if (f.status === "failed" && !f.assertionResults.some((t) => t.status === "failed")) {
      failedNames.push(`${relative(process.cwd(), f.name)}: ${f.message?.split("\n")[0] ?? "failed"}`);
    }
  }
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    failedNames,
  };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8"));
  const s = r.stats;
  const failedNames = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status === "unexpected") {
          failedNames.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}`);
        }
      }
    }
    // Below a file's suite, each suite is a describe block whose title belongs in the name.
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const fileSuite of r.suites ?? []) walk(fileSuite, []);
  return {
    passed: s.expected + s.flaky,
    failed: s.unexpected,
    skipped: s.skipped,
    flaky: s.flaky,
    failedNames,
  };
}

const only = process.argv.slice(2);
const results = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n━━ ${step.name} ━━`);
  const t0 = Date.now();
  const res = spawnSync(step.cmd, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
  results.push({
    name: step.name,
    ok: res.status === 0,
    seconds: (Date.now() - t0) / 1000,
    counts: step.counts?.(),
  });
}

console.log("\n━━ summary ━━");
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  const c = r.counts;
  if (c) for (const k of Object.keys(total)) total[k] += c[k];
  const flaky = c?.flaky ? ` (${c.flaky} passed only on retry)` : "";
  const detail = c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${flaky}` : "";
  console.log(
    `${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s  ${detail}`,
  );
  for (const name of c?.failedNames ?? []) console.log(`      ✗ ${name}`);
}
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
// A failed step without test counts (typecheck, lint, a runner crash) still counts as a failure.
const failed = total.failed + results.filter((r) => !r.ok && (!r.counts || r.counts.failed === 0)).length;
console.log(failedSteps.length ? `failed steps: ${failedSteps.join(", ")}` : "all steps passed");
console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
