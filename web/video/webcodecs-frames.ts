import { VideoReadError, type DemuxedVideo } from "./types";

/** A decoded frame with its presentation time; the receiver must close (or transfer) `frame`. */
export interface TimedFrame {
  frame: VideoFrame;
  tMs: number;
  index: number;
}

export function decoderConfig(video: DemuxedVideo): VideoDecoderConfig {
  return {
    codec: video.codec,
    codedWidth: video.codedWidth,
    codedHeight: video.codedHeight,
    description: video.description,
    optimizeForLatency: true,
  };
}

/** True when this browser's WebCodecs can decode the track. */
export async function canDecode(video: DemuxedVideo): Promise<boolean> {
  if (typeof VideoDecoder === "undefined") return false;
  try {
    const support = await VideoDecoder.isConfigSupported(decoderConfig(video));
    return support.supported === true;
  } catch {
    return false;
  }
}

/**
 * Decodes every sample in order with WebCodecs, yielding frames in presentation order. It keeps at
 * most `maxAhead` frames decoded-but-unconsumed or queued, so memory stays flat and the decoder
 * never stalls waiting for frames to be closed.
 */
export async function* decodeFrames(
  video: DemuxedVideo,
  signal?: AbortSignal,
  maxAhead = 4,
): AsyncGenerator<TimedFrame> {
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
  decoder.configure(decoderConfig(video));
  let next = 0;
  let flushed = false;
  let index = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (failure) throw failure;
      while (next < video.samples.length && decoder.decodeQueueSize + ready.length < maxAhead) {
        const sample = video.samples[next++]!;
        decoder.decode(
          new EncodedVideoChunk({
            type: sample.key ? "key" : "delta",
            timestamp: sample.timestampUs,
            duration: sample.durationUs,
            data: sample.data,
          }),
        );
      }
      if (next === video.samples.length && !flushed) {
        flushed = true;
        decoder.flush().then(
          () => {
            next = Infinity;
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
        yield { frame, tMs: frame.timestamp / 1000, index: index++ };
        continue;
      }
      if (next === Infinity) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const frame of ready.splice(0)) frame.close();
    decoder.removeEventListener("dequeue", poke);
    signal?.removeEventListener("abort", poke);
    if (decoder.state !== "closed") decoder.close();
  }
}
