import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { analyseInBrowser } from "./browser-run.ts";

// Speed of file analysis through the app's own page and worker: one warm-up run, then RUNS
// measured runs, each in a fresh browser. Prints medians and the worst run, warm-up excluded.
// Usage: npx tsx scripts/analyze/bench.ts <video> [runs] [lite|full]

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

async function main(): Promise<void> {
  const [input, runsArg, modelArg] = process.argv.slice(2);
  if (!input) throw new Error("Usage: npx tsx scripts/analyze/bench.ts <video> [runs] [lite|full]");
  const runs = Number(runsArg ?? 3);
  const model = modelArg === "full" ? "full" : "lite";
  const results: { realtime: number; fps: number; inferenceMs: number; roundTripMs: number }[] = [];
  for (let i = 0; i <= runs; i++) {
    const { summary } = await analyseInBrowser(REPO_ROOT, resolve(input), {
      model,
      onFrame: () => undefined,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (i === 0) continue;
    results.push({
      realtime: summary.realtimeFactor ?? NaN,
      fps: summary.framesPerSecond,
      inferenceMs: summary.inferenceMedianMs ?? NaN,
      roundTripMs: summary.roundTripMedianMs ?? NaN,
    });
  }
  const column = (key: keyof (typeof results)[number]) => results.map((r) => r[key]);
  const row = (name: string, values: number[], worst: number) =>
    `${name.padEnd(22)} median ${median(values).toFixed(2).padStart(7)}  worst ${worst.toFixed(2).padStart(7)}`;
  console.log(`${input}: ${model} model, ${runs} runs after 1 warm-up`);
  console.log(row("realtime factor (x)", column("realtime"), Math.min(...column("realtime"))));
  console.log(row("frames/s", column("fps"), Math.min(...column("fps"))));
  console.log(row("inference median (ms)", column("inferenceMs"), Math.max(...column("inferenceMs"))));
  console.log(row("round trip median (ms)", column("roundTripMs"), Math.max(...column("roundTripMs"))));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
