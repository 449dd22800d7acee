// In-page renderer driven by scripts/synth/render.ts through page.evaluate.
/* global window, document, ImageData, OffscreenCanvas, VideoEncoder, VideoFrame */
import * as THREE from "three";
import { renderer as libraryRenderer } from "mannequin-js/scene.js";
import { ArrayBufferTarget, Muxer } from "webm-muxer";
import { applyPosture, createFigure, readRest } from "./figure.js";
import { lowestY, readPivots, readPoints } from "./points.js";

// mannequin-js starts its own full-window render loop on import; this page renders on demand.
libraryRenderer.setAnimationLoop(null);
libraryRenderer.domElement.remove();

let state = null;

function buildScene(cfg) {
  const renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(cfg.width, cfg.height, false);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  document.body.appendChild(renderer.domElement);

  const scene = new THREE.Scene();
  scene.background = new THREE.Color(cfg.background);
  const floor = new THREE.Mesh(
    new THREE.PlaneGeometry(40, 40),
    // Unlit: the floor fills half the frame and software WebGL pays per shaded pixel.
    new THREE.MeshBasicMaterial({ color: new THREE.Color(cfg.background).multiplyScalar(0.88) }),
  );
  floor.rotation.x = -Math.PI / 2;
  scene.add(floor);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x6b5a4a, 1.6));
  const key = new THREE.DirectionalLight(0xffffff, 2.2);
  key.position.set(2, 4, 3);
  scene.add(key);
  const fill = new THREE.DirectionalLight(0xffffff, 0.8);
  fill.position.set(-3, 2, -2);
  scene.add(fill);

  const camera = new THREE.PerspectiveCamera(cfg.camera.fovDeg, cfg.width / cfg.height, 0.05, 100);
  camera.position.set(...cfg.camera.position);
  camera.up.set(0, 1, 0);
  camera.lookAt(new THREE.Vector3(...cfg.camera.target));

  const figure = createFigure(cfg.figure);
  scene.add(figure);
  const rest = readRest(figure);
  return { cfg, renderer, scene, camera, figure, rest };
}

/** Puts the posed figure on the floor, with the chosen support point over the origin. */
function place(posture) {
  const { figure } = state;
  applyPosture(figure, state.rest, posture.joints);
  figure.position.set(0, 0, 0);
  figure.updateMatrixWorld(true);
  const floorY = lowestY(figure);
  const points = readPoints(figure);
  const support = posture.anchor.map((name) => points[name]);
  const mid = support.reduce(
    (a, p) => [a[0] + p[0] / support.length, 0, a[2] + p[2] / support.length],
    [0, 0, 0],
  );
  figure.position.set(posture.offset[0] - mid[0], -floorY, posture.offset[2] - mid[2]);
  figure.updateMatrixWorld(true);
}

function renderPosture(posture) {
  place(posture);
  state.renderer.render(state.scene, state.camera);
  return readPoints(state.figure);
}

async function put(name, blob) {
  const res = await fetch(`/out/${name}`, { method: "PUT", body: blob });
  if (!res.ok) throw new Error(`upload ${name} failed: ${res.status}`);
}

// HTMLCanvasElement.toBlob waits for idle time, which a render loop never leaves, and drawing the
// WebGL canvas into a 2D one is slow under SwiftShader; reading the pixels straight from the GL
// context is fast. convertToBlob copies the bitmap synchronously, so one canvas is reused.
function snapshotBlob(type, quality) {
  const { width, height } = state.cfg;
  const gl = state.renderer.getContext();
  state.pixels ??= new Uint8Array(width * height * 4);
  state.image ??= new ImageData(width, height);
  state.snapshot ??= new OffscreenCanvas(width, height);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, state.pixels);
  const rowBytes = width * 4;
  for (let y = 0; y < height; y++) {
    // GL rows run bottom-up; images run top-down.
    const from = (height - 1 - y) * rowBytes;
    state.image.data.set(state.pixels.subarray(from, from + rowBytes), y * rowBytes);
  }
  const context = state.snapshot.getContext("2d", { willReadFrequently: true });
  context.putImageData(state.image, 0, 0);
  return state.snapshot.convertToBlob({ type, quality });
}

function startEncoder(cfg, fps) {
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({
    target,
    video: { codec: "V_VP8", width: cfg.width, height: cfg.height, frameRate: fps },
    firstTimestampBehavior: "strict",
  });
  const errors = [];
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => errors.push(e),
  });
  encoder.configure({
    codec: "vp8",
    width: cfg.width,
    height: cfg.height,
    bitrate: 2_500_000,
    framerate: fps,
  });
  return { encoder, muxer, target, errors };
}

window.synth = {
  setup(cfg) {
    state = buildScene(cfg);
    const restPoints = renderPosture({
      joints: {},
      anchor: ["left_ankle", "right_ankle"],
      offset: [0, 0, 0],
    });
    return { restPoints, restPivots: readPivots(state.figure) };
  },
  /** Renders every posture, encodes WebM and MJPEG, uploads both; returns world points per frame. */
  async renderClip(job) {
    const { cfg } = state;
    const video = startEncoder(cfg, job.fps);
    const frameDurationUs = 1e6 / job.fps;
    const points = [];
    const jpegs = [];
    const jpegWanted = new Map();
    job.mjpegFrameIndices.forEach((frame, slot) => {
      const slots = jpegWanted.get(frame) ?? [];
      slots.push(slot);
      jpegWanted.set(frame, slots);
    });
    const spentMs = { render: 0, jpeg: 0, encode: 0 };
    for (let i = 0; i < job.postures.length; i++) {
      let t0 = performance.now();
      points.push(renderPosture(job.postures[i]));
      spentMs.render += performance.now() - t0;
      t0 = performance.now();
      const frame = new VideoFrame(state.renderer.domElement, {
        timestamp: Math.round(i * frameDurationUs),
        duration: Math.round(frameDurationUs),
      });
      video.encoder.encode(frame, { keyFrame: i % job.keyFrameInterval === 0 });
      frame.close();
      spentMs.encode += performance.now() - t0;
      t0 = performance.now();
      if (jpegWanted.has(i)) {
        // convertToBlob snapshots the bitmap now and encodes off the main thread; await them all later.
        const jpeg = snapshotBlob("image/jpeg", job.jpegQuality);
        for (const slot of jpegWanted.get(i)) jpegs[slot] = jpeg;
      }
      spentMs.jpeg += performance.now() - t0;
      t0 = performance.now();
      // Keep the encoder queue short so memory stays flat on long clips.
      while (video.encoder.encodeQueueSize > 4) {
        await new Promise((ok) => video.encoder.addEventListener("dequeue", ok, { once: true }));
      }
      spentMs.encode += performance.now() - t0;
    }
    await video.encoder.flush();
    if (video.errors.length) throw video.errors[0];
    video.muxer.finalize();
    await put(job.videoName, new Blob([video.target.buffer], { type: "video/webm" }));
    await put(job.mjpegName, new Blob(await Promise.all(jpegs), { type: "video/x-motion-jpeg" }));
    return { points, spentMs };
  },
  /** Renders one posture and uploads it as PNG and JPEG. */
  async renderStill(job) {
    const points = renderPosture(job.posture);
    await put(job.pngName, await snapshotBlob("image/png"));
    await put(job.jpegName, await snapshotBlob("image/jpeg", job.jpegQuality));
    return { points };
  },
};
window.synthReady = true;
