// npm run synth -- --exercise squat --reps 3 --faults 2:knee_valgus --view side --out <dir>
import { copyFile, mkdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseCliArgs, USAGE } from "./cli-args.ts";
import { generateSynth, readTruth } from "./index.ts";

async function main(): Promise<void> {
  const cli = parseCliArgs(process.argv.slice(2));
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  const startedMs = Date.now();
  const clip = await generateSynth(cli.params, { force: cli.force });
  const truth = await readTruth(clip.truthPath);
  const files = [clip.videoPath, clip.mjpegPath, clip.truthPath, clip.imagePath, clip.jpegImagePath];
  let dir = clip.dir;
  if (cli.out) {
    dir = resolve(cli.out);
    await mkdir(dir, { recursive: true });
    await Promise.all(files.map((file) => copyFile(file, join(dir, basename(file)))));
  }
  const seconds = ((Date.now() - startedMs) / 1000).toFixed(1);
  console.log(`${clip.cached ? "cached" : "rendered"} in ${seconds} s: ${dir}`);
  console.log(
    `${truth.params.exercise}, ${truth.reps.length} reps, ${truth.frameCount} frames at ${truth.fps} fps ` +
      `(${(truth.durationMs / 1000).toFixed(2)} s), ${truth.width}x${truth.height}, MJPEG ${truth.mjpeg.frameCount} frames at 30 fps`,
  );
  for (const rep of truth.reps) {
    const faults = rep.faults.length ? rep.faults.join("+") : "clean";
    console.log(
      `  rep ${rep.rep}: ${(rep.startMs / 1000).toFixed(2)}-${(rep.endMs / 1000).toFixed(2)} s, depth ${rep.depth.toFixed(2)}, key angle ${rep.keyAngleDeg.toFixed(0)} deg, ${faults}`,
    );
  }
  console.log(`files: ${files.map((f) => basename(f)).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
