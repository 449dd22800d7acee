import { toModelInput } from "../../pose/capture";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseResult } from "../../pose/pose-types";

/** Called with each analysed frame; `frameMs` is the camera time of the frame it came from. */
export type OnPose = (result: PoseResult, frameMs: number) => void;

/**
 * Drives live analysis from the camera: every presented video frame is offered to the worker,
 * which takes it only when idle (the client counts the rest as dropped). No queue builds up, so
 * the skeleton is never more than one frame behind.
 */
export class LiveLoop {
  private running = false;
  private callbackId: number | null = null;
  private lastFrameMs = -1;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly client: PoseClient,
    private readonly onPose: OnPose,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.running = true;
    this.callbackId = this.video.requestVideoFrameCallback(this.onFrame);
  }

  stop(): void {
    this.running = false;
    if (this.callbackId !== null) this.video.cancelVideoFrameCallback(this.callbackId);
    this.callbackId = null;
  }

  private readonly onFrame = (_now: number, meta: VideoFrameCallbackMetadata): void => {
    if (!this.running) return;
    this.callbackId = this.video.requestVideoFrameCallback(this.onFrame);
    // mediaTime of a camera stream counts from when it started; frames must go forward in time.
    const frameMs = meta.mediaTime * 1000;
    if (frameMs <= this.lastFrameMs) return;
    this.lastFrameMs = frameMs;
    void this.analyse(frameMs);
  };

  private async analyse(frameMs: number): Promise<void> {
    try {
      const result = await this.client.offerCapture(() => toModelInput(this.video), frameMs);
      if (result && this.running) this.onPose(result, frameMs);
    } catch (error) {
      this.stop();
      this.onError(error);
    }
  }
}
