// The floor: MediaPipe's PoseLandmarker on the page's main thread of an empty page, no app code,
// fed the <video> itself. Also the input-size study (landmarks at full size vs scaled copies).
import type * as Vision from "@mediapipe/tasks-vision";
import type { PoseLandmarker } from "@mediapipe/tasks-vision";
import type { Browser, Page } from "playwright-core";

/** What the bare page keeps between calls (set by `loadBare`). */
interface BareState {
  video: HTMLVideoElement;
  landmarkers: Map<number, PoseLandmarker>;
  lastTsMs: number;
  seek(timeS: number): Promise<void>;
}

type BareWindow = Window & { __bare?: BareState };

/** One landmark frame: [x px, y px, visibility] × 33 at the clip's full resolution, or null. */
export type PixelPose = [number, number, number][] | null;

/** Opens the empty page in its own context (no service worker) and loads MediaPipe and the clip. */
export async function openBarePage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // tsx names functions with a `__name` helper the page does not have.
  await page.addInitScript("window.__name = (f) => f;");
  await page.goto(`${origin}/__media/bare.html`);
  return page;
}

/**
 * Loads the clip and one landmarker per short side in `shortSides` (0 = full size), each in VIDEO
 * mode so each tracks as the app's does.
 */
export async function loadBare(page: Page, clipUrl: string, shortSides: number[]): Promise<void> {
  await page.evaluate(
    async ({ clipUrl, shortSides }) => {
      const bundleUrl = "/__media/vision_bundle.mjs";
      const vision = (await import(bundleUrl)) as typeof Vision;
      const fileset = await vision.FilesetResolver.forVisionTasks("/mediapipe");
      const landmarkers = new Map<number, PoseLandmarker>();
      for (const side of shortSides) {
        landmarkers.set(
          side,
          await vision.PoseLandmarker.createFromOptions(fileset, {
            baseOptions: { modelAssetPath: "/models/pose_landmarker_lite.task", delegate: "CPU" },
            runningMode: "VIDEO",
            numPoses: 1,
          }),
        );
      }
      const old = (window as BareWindow).__bare;
      old?.landmarkers.forEach((l) => l.close());
      old?.video.remove();
      const video = document.createElement("video");
      video.muted = true;
      video.preload = "auto";
      video.src = clipUrl;
      document.body.append(video);
      await new Promise<void>((resolve, reject) => {
        video.addEventListener("loadeddata", () => resolve(), { once: true });
        video.addEventListener("error", () => reject(new Error(`cannot load ${clipUrl}`)), { once: true });
      });
      const seek = (timeS: number) =>
        new Promise<void>((resolve) => {
          video.addEventListener("seeked", () => resolve(), { once: true });
          video.currentTime = timeS;
        });
      (window as BareWindow).__bare = { video, landmarkers, lastTsMs: 0, seek };
    },
    { clipUrl, shortSides },
  );
}

/** Per frame: ms of `detectForVideo(video)` on the full-size frame (the floor). */
export async function floorCosts(page: Page, timesS: number[]): Promise<number[]> {
  return page.evaluate(async (timesS) => {
    const bare = (window as BareWindow).__bare!;
    const landmarker = bare.landmarkers.get(0)!;
    const costs: number[] = [];
    for (const t of timesS) {
      await bare.seek(t);
      bare.lastTsMs = Math.max(bare.lastTsMs + 1, t * 1000);
      const start = performance.now();
      landmarker.detectForVideo(bare.video, bare.lastTsMs);
      costs.push(performance.now() - start);
    }
    return costs;
  }, timesS);
}

/**
 * Per frame and short side: the landmarks found on a copy scaled as the app scales it (0 = the
 * full frame), in full-size pixels.
 */
export async function posesBySize(page: Page, timesS: number[]): Promise<Record<number, PixelPose[]>> {
  return page.evaluate(async (timesS) => {
    const bare = (window as BareWindow).__bare!;
    const { video } = bare;
    const out: Record<number, PixelPose[]> = {};
    for (const t of timesS) {
      await bare.seek(t);
      bare.lastTsMs = Math.max(bare.lastTsMs + 1, t * 1000);
      for (const [side, landmarker] of bare.landmarkers) {
        const scale = side === 0 ? 1 : Math.min(1, side / Math.min(video.videoWidth, video.videoHeight));
        const bitmap = await createImageBitmap(video, {
          resizeWidth: Math.max(1, Math.round(video.videoWidth * scale)),
          resizeHeight: Math.max(1, Math.round(video.videoHeight * scale)),
          resizeQuality: "low",
        });
        const found = landmarker.detectForVideo(bitmap, bare.lastTsMs).landmarks[0];
        bitmap.close();
        (out[side] ??= []).push(
          found
            ? found.map((p) => [p.x * video.videoWidth, p.y * video.videoHeight, p.visibility ?? 0])
            : null,
        );
      }
    }
    return out;
  }, timesS);
}
