// Module worker for verify-page.html: the same detection the app's pose
// worker does, to prove the bundles load off the main thread too.
import { FilesetResolver, PoseLandmarker } from "/vendor/tasks-vision/vision_bundle.mjs";

globalThis.onmessage = async (
  /** @type {MessageEvent<{ modelPath: string, image: ImageBitmap }>} */ event,
) => {
  try {
    // Module workers cannot importScripts, so MediaPipe must load its ES module build.
    const fileset = await FilesetResolver.forVisionTasks("/mediapipe", true);
    const landmarker = await PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: event.data.modelPath, delegate: "CPU" },
      runningMode: "IMAGE",
      numPoses: 1,
    });
    const result = landmarker.detect(event.data.image);
    landmarker.close();
    globalThis.postMessage({
      poses: result.landmarks.map((pose) => pose.map(({ x, y, z }) => ({ x, y, z }))),
    });
  } catch (error) {
    globalThis.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
