/** Where the self-hosted MediaPipe runtime and pose bundles are served (built by scripts/pose-assets). */
export const POSE_RUNTIME_BASE = "/mediapipe";

export type PoseModelVariant = "lite" | "full" | "heavy";

export const POSE_MODEL_URLS: Record<PoseModelVariant, string> = {
  lite: "/models/pose_landmarker_lite.task",
  full: "/models/pose_landmarker_full.task",
  heavy: "/models/pose_landmarker_heavy.task",
};

/** The manifest of model sizes and hashes; its content changes whenever any pose asset changes. */
export const POSE_MANIFEST_URL = "/models/manifest.json";

/** The module-worker build of the runtime (what `forVisionTasks(base, true)` loads). */
export const POSE_RUNTIME_FILES = [
  `${POSE_RUNTIME_BASE}/vision_wasm_module_internal.js`,
  `${POSE_RUNTIME_BASE}/vision_wasm_module_internal.wasm`,
];

/** What must be cached for pose detection to work offline with the default model. */
export const OFFLINE_POSE_ASSETS = [...POSE_RUNTIME_FILES, POSE_MODEL_URLS.lite];

export const POSE_CACHE_PREFIX = "spotter-pose-";
