// The `pose` section: E1's `npm run bench:pose -- --json --quick`, its last stdout line, and under
// `upload` the figures of `npm run bench:upload -- --json` (one worker against two on the real clips).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { waitForQuiet } from "./server.ts";

export type PoseFigures = Record<string, unknown> | { skipped: string };

export async function benchPose(
  quick: boolean,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<PoseFigures> {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.["bench:pose"] || !existsSync("scripts/bench-pose/run.ts")) {
    return { skipped: "npm run bench:pose does not exist yet" };
  }
  const pose = await lastJsonLine("bench:pose", quick ? ["--quick"] : [], timeoutMs, log);
  if ("skipped" in pose) return pose;
  // --quick: the two shortest real clips (push-up and deadlift, about 20 s each), one round, once
  // the browser of bench:pose has wound down.
  await waitForQuiet(log);
  const upload = await lastJsonLine(
    "bench:upload",
    quick ? ["--only", "pushup,deadlift"] : [],
    timeoutMs,
    log,
  );
  const figures = "figures" in upload ? (upload.figures as Record<string, unknown>) : upload;
  return {
    ...pose,
    upload: Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [key.replace(/^pose\.upload\./, ""), value]),
    ),
  };
}

/** Runs `npm run <script> -- --json …` and parses the last line it prints. */
function lastJsonLine(
  script: string,
  extraArgs: string[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<PoseFigures> {
  log(`pose: npm run ${script} -- --json ${extraArgs.join(" ")}…`);
  const args = ["run", "--silent", script, "--", "--json", ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn("npm", args, { stdio: ["ignore", "pipe", "inherit"], detached: true });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (timedOut) return resolve({ skipped: `${script} did not finish within ${timeoutMs / 1000} s` });
      // bench:upload exits 1 when a clip's per-rep result differs, with its figures printed.
      if (code !== 0 && !(script === "bench:upload" && code === 1 && last.startsWith("{")))
        return resolve({ skipped: `${script} failed (${signal ?? `exit ${code}`})` });
      try {
        const parsed: unknown = JSON.parse(last);
        if (typeof parsed === "object" && parsed !== null) return resolve(parsed as Record<string, unknown>);
        resolve({ skipped: `${script} printed no JSON object` });
      } catch {
        resolve({ skipped: `${script}'s last line is not JSON` });
      }
    });
  });
}
