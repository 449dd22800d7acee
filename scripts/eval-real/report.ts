import type { Figure, SetResult, SkippedSet } from "./result.ts";

function show(value: number | null, unit: Figure["unit"]): string {
  if (value === null) return "—";
  if (unit === "rate") return `${(100 * value).toFixed(1)} %`;
  if (unit === "s") return `${value.toFixed(1)} s`;
  return String(Math.round(value * 100) / 100);
}

function verdict(f: Figure): string {
  if (f.reference === undefined || f.value === null) return "";
  const met = f.goal === "at_most" ? f.value <= f.reference : f.value >= f.reference;
  return met ? "met" : "SHORT";
}

/** The human-readable table: per set its figures, references and what missed. */
export function formatReport(results: readonly (SetResult | SkippedSet)[], root: string): string {
  const lines = [`Real people (${root})`, ""];
  for (const r of results) {
    if ("skipped" in r) {
      lines.push(`${r.set}: skipped (${r.skipped})`, "");
      continue;
    }
    lines.push(`${r.set}: ${r.description}`);
    for (const f of r.figures) {
      const ref = f.reference === undefined ? "" : `reference ${show(f.reference, f.unit)}`;
      lines.push(
        `  ${f.name.padEnd(58)} ${show(f.value, f.unit).padStart(8)}  ${ref.padEnd(18)} ${verdict(f)}${f.note ? `  (${f.note})` : ""}`,
      );
    }
    for (const d of r.details) lines.push(`    ${d}`);
    lines.push("");
  }
  return lines.join("\n");
}
