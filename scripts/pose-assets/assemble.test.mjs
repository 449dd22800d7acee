import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const realModules = fileURLToPath(new URL("../../node_modules/", import.meta.url));

/** @type {string} */ let fakeRepo;

/** Copies the tool into a scratch repo whose node_modules holds only `packages`. */
async function scratchRepo(/** @type {string[]} */ packages) {
  const toolDir = join(fakeRepo, "scripts", "pose-assets");
  await mkdir(toolDir, { recursive: true });
  for (const name of await readdir(here)) {
    if (name.endsWith(".mjs") && !name.endsWith(".test.mjs")) await cp(join(here, name), join(toolDir, name));
  }
  for (const pkg of packages) {
    await mkdir(join(fakeRepo, "node_modules", pkg, ".."), { recursive: true });
    await symlink(join(realModules, pkg), join(fakeRepo, "node_modules", pkg));
  }
  return spawnSync(process.execPath, [join(toolDir, "assemble.mjs")], { cwd: fakeRepo, encoding: "utf8" });
}

beforeEach(async () => {
  fakeRepo = await mkdtemp(join(tmpdir(), "pose-assets-cli-"));
});
afterEach(async () => {
  await rm(fakeRepo, { recursive: true, force: true });
});

describe("assemble.mjs", () => {
  it("exits non-zero and names the missing runtime when tasks-vision is absent", async () => {
    const run = await scratchRepo(["flatbuffers"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^pose-assets: missing .*tasks-vision.* \[INPUT_MISSING\]$/m);
    expect(run.stderr).not.toMatch(/at .*\.mjs:\d+/);
  });

  it("exits non-zero with a short message when the dev dependencies are not installed", async () => {
    const run = await scratchRepo(["@mediapipe/tasks-vision"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Cannot find package 'flatbuffers'.*install dev dependencies/);
  });

  it("exits non-zero and names the missing model when @mediapipe/pose is absent", async () => {
    const run = await scratchRepo(["@mediapipe/tasks-vision", "flatbuffers"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing .*@mediapipe\/pose\/pose_solution_packed_assets_loader\.js/);
  });
});
