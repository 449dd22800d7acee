// The `pose` section: E1's `npm run bench:pose -- --json --quick`, its last stdout line.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

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
  log("pose: npm run bench:pose -- --json" + (quick ? " --quick" : "") + "…");
  const args = ["run", "--silent", "bench:pose", "--", "--json", ...(quick ? ["--quick"] : [])];
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
      if (timedOut) return resolve({ skipped: `bench:pose did not finish within ${timeoutMs / 1000} s` });
      if (code !== 0) return resolve({ skipped: `bench:pose failed (${signal ?? `exit ${code}`})` });
      try {
        const parsed: unknown = JSON.parse(last);
        if (typeof parsed === "object" && parsed !== null) return resolve(parsed as Record<string, unknown>);
        resolve({ skipped: "bench:pose printed no JSON object" });
      } catch {
        resolve({ skipped: "bench:pose's last line is not JSON" });
      }
    });
  });
}
