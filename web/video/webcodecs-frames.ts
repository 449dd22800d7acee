import type { EncodedPacket } from "mediabunny";
import { VideoReadError } from "./types";

/** A decoded frame with its presentation time; the receiver must close (or transfer) `frame`. */
export interface TimedFrame {
  frame: VideoFrame;
  tMs: number;
  /** Position of the frame in this read (0 for the first frame yielded). */
  index: number;
}

/** Which frames to yield: presentation times in [fromMs, toMs). */
export interface FrameRange {
  fromMs?: number;
  toMs?: number;
}

/** True when this browser's WebCodecs can decode with the file's own configuration. */
export async function canDecode(config: VideoDecoderConfig | null): Promise<boolean> {
  if (typeof VideoDecoder === "undefined" || !config) return false;
  try {
    const support = await VideoDecoder.isConfigSupported(config);
    return support.supported === true;
  } catch {
    return false;
  }
}

/**
 * Decodes packets (decode order, starting at a key frame) with WebCodecs and yields the frames of
 * `range` in presentation order. It keeps at most `maxAhead` frames queued or decoded but not yet
 * consumed, so memory stays flat and the decoder never stalls waiting for frames to be closed.
 * Packets stop being read at the first key frame at or past `range.toMs`.
 */
export async function* decodeFrames(
  packets: AsyncIterable<EncodedPacket>,
  config: VideoDecoderConfig,
  options: FrameRange & { signal?: AbortSignal; maxAhead?: number } = {},
): AsyncGenerator<TimedFrame> {
  const { signal, fromMs = -Infinity, toMs = Infinity, maxAhead = 4 } = options;
  const ready: VideoFrame[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  const decoder = new VideoDecoder({
    output: (frame) => {
      ready.push(frame);
      poke();
    },
    error: (error) => {
      failure = new VideoReadError("decode_failed", `The video could not be decoded: ${error.message}`);
      poke();
    },
  });
  decoder.addEventListener("dequeue", poke);
  signal?.addEventListener("abort", poke);
  decoder.configure({ ...config, optimizeForLatency: true });
  const source = packets[Symbol.asyncIterator]();
  let inputDone = false;
  let flushing = false;
  let flushed = false;
  let index = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (failure) throw failure;
      while (!inputDone && decoder.decodeQueueSize + ready.length < maxAhead) {
        const next = await source.next();
        if (next.done || (next.value.type === "key" && next.value.timestamp * 1000 >= toMs)) {
          inputDone = true;
          break;
        }
        decoder.decode(next.value.toEncodedVideoChunk());
      }
      if (inputDone && !flushing) {
        flushing = true;
        decoder.flush().then(
          () => {
            flushed = true;
            poke();
          },
          (error: unknown) => {
            if (decoder.state !== "closed") failure = new VideoReadError("decode_failed", String(error));
            poke();
          },
        );
      }
      const frame = ready.shift();
      if (frame) {
        const tMs = frame.timestamp / 1000;
        if (tMs < fromMs || tMs >= toMs) frame.close();
        else yield { frame, tMs, index: index++ };
        continue;
      }
      if (flushed) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const frame of ready.splice(0)) frame.close();
    decoder.removeEventListener("dequeue", poke);
    signal?.removeEventListener("abort", poke);
    await source.return?.(undefined);
    if (decoder.state !== "closed") decoder.close();
  }
}
