// The run-time half of Train, in its own chunk (see lazy-parts.ts): nothing here is needed to show
// the page or to start the camera.
export { Coach } from "./coach";
export { LiveLoop } from "./live-loop";
export { drawSkeleton } from "./skeleton-draw";
