// Runs MediaPipe PoseLandmarker (VIDEO mode, CPU) over a synth clip as it plays: slowed down so the
// CPU model keeps up, each presented frame mapped back to its index through its media time.
/* global window, document */
import { FilesetResolver, PoseLandmarker } from "/node_modules/@mediapipe/tasks-vision/vision_bundle.mjs";

const video = document.getElementById("clip");

window.checkClip = async ({ videoUrl, modelUrl, fps, playbackRate }) => {
  const fileset = await FilesetResolver.forVisionTasks("/public/mediapipe");
  const landmarker = await PoseLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: modelUrl, delegate: "CPU" },
    runningMode: "VIDEO",
    numPoses: 1,
  });
  video.src = videoUrl;
  await new Promise((ok, fail) => {
    video.addEventListener("loadeddata", ok, { once: true });
    video.addEventListener("error", () => fail(new Error("video failed to load")), { once: true });
  });
  const results = [];
  let lastIndex = -1;
  const done = new Promise((ok, fail) => {
    video.addEventListener("ended", ok, { once: true });
    video.addEventListener("error", () => fail(new Error("video error during playback")), { once: true });
  });
  const onFrame = (_now, metadata) => {
    const index = Math.round(metadata.mediaTime * fps);
    if (index > lastIndex) {
      lastIndex = index;
      const result = landmarker.detectForVideo(video, (index * 1000) / fps);
      const pose = result.landmarks[0];
      results.push({
        index,
        landmarks: pose ? pose.map(({ x, y, visibility }) => ({ x, y, visibility })) : null,
      });
    }
    if (!video.ended) video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  video.playbackRate = playbackRate;
  await video.play();
  await done;
  landmarker.close();
  return { durationS: video.duration, results };
};
window.checkReady = true;
