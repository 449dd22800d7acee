import type { Page } from "playwright-core";
import { launchChromium } from "./browser.ts";
import type { Posture, Segments } from "./exercises/posture.ts";
import type { CameraSpec } from "./projection.ts";
import { startSynthServer, type SynthServer } from "./server.ts";
import type { FigureSpec, LandmarkName, Vec3 } from "./types.ts";

export type WorldPoints = Record<LandmarkName, Vec3>;

export interface SceneConfig {
  width: number;
  height: number;
  background: string;
  figure: FigureSpec;
  camera: CameraSpec;
}

export interface ClipJob {
  postures: Posture[];
  fps: number;
  mjpegFrameIndices: number[];
  keyFrameInterval: number;
  jpegQuality: number;
  videoName: string;
  mjpegName: string;
}

export class SynthRenderError extends Error {
  readonly code = "SYNTH_RENDER";
}

// The page is plain browser JS (window.synth); this is the shape render.js gives it.
interface SynthPage {
  setup(cfg: SceneConfig): { restPoints: WorldPoints; restPivots: WorldPoints };
  renderClip(job: ClipJob): Promise<{ points: WorldPoints[]; spentMs: Record<string, number> }>;
  renderStill(job: { posture: Posture; pngName: string; jpegName: string; jpegQuality: number }): Promise<{
    points: WorldPoints;
  }>;
}
declare global {
  interface Window {
    synth: SynthPage;
    synthReady?: boolean;
  }
}

/** A browser page with the synth renderer loaded; upload directory set per job. */
export interface Renderer {
  page: Page;
  server: SynthServer;
  close(): Promise<void>;
}

export async function openRenderer(repoRoot: string): Promise<Renderer> {
  const server = await startSynthServer({
    "/node_modules/": `${repoRoot}/node_modules`,
    "/synth/": `${repoRoot}/scripts/synth/page`,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    await page.goto(`${server.baseUrl}/synth/index.html`);
    await page
      .waitForFunction(() => window.synthReady === true, undefined, { timeout: 30_000 })
      .catch(() => {
        throw new SynthRenderError(`synth page did not load: ${pageErrors.map((e) => e.message).join("; ")}`);
      });
    return {
      page,
      server,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

export function setupScene(
  renderer: Renderer,
  cfg: SceneConfig,
): Promise<{ restPoints: WorldPoints; restPivots: WorldPoints }> {
  return renderer.page.evaluate((c) => window.synth.setup(c), cfg);
}

export function renderClip(
  renderer: Renderer,
  job: ClipJob,
): Promise<{ points: WorldPoints[]; spentMs: Record<string, number> }> {
  return renderer.page.evaluate((j) => window.synth.renderClip(j), job);
}

export function renderStill(
  renderer: Renderer,
  job: { posture: Posture; pngName: string; jpegName: string; jpegQuality: number },
): Promise<{ points: WorldPoints }> {
  return renderer.page.evaluate((j) => window.synth.renderStill(j), job);
}

const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Segment lengths between the figure's joint pivots, so inverse kinematics matches what is drawn. */
export function measureSegments(rest: WorldPoints): Segments {
  const hipMid: Vec3 = [
    (rest.left_hip[0] + rest.right_hip[0]) / 2,
    (rest.left_hip[1] + rest.right_hip[1]) / 2,
    (rest.left_hip[2] + rest.right_hip[2]) / 2,
  ];
  const shoulderMid: Vec3 = [
    (rest.left_shoulder[0] + rest.right_shoulder[0]) / 2,
    (rest.left_shoulder[1] + rest.right_shoulder[1]) / 2,
    (rest.left_shoulder[2] + rest.right_shoulder[2]) / 2,
  ];
  return {
    thighM: distance(rest.left_hip, rest.left_knee),
    shankM: distance(rest.left_knee, rest.left_ankle),
    upperArmM: distance(rest.left_shoulder, rest.left_elbow),
    forearmM: distance(rest.left_elbow, rest.left_wrist),
    torsoM: distance(hipMid, shoulderMid),
    ankleHeightM: rest.left_ankle[1],
  };
}
