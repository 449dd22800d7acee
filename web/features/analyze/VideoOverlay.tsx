import { useTranslation } from "../../i18n";
import { useEffect, useRef, type RefObject } from "react";
import type { FrameVerdict } from "../../../shared/form";
import { drawSkeleton } from "./skeleton-draw";
import { frameIndexAt } from "./frame-lookup";
import type { AnalysisFrame } from "./run-analysis";

interface VideoOverlayProps {
  url: string;
  kind: "video" | "image";
  frames: readonly AnalysisFrame[];
  verdicts: readonly FrameVerdict[] | null;
  videoRef: RefObject<HTMLVideoElement | null>;
  onTime: (tMs: number) => void;
}

/** The file with its skeleton drawn on top, following playback and seeks frame by frame. */
export function VideoOverlay({ url, kind, frames, verdicts, videoRef, onTime }: VideoOverlayProps) {
  const { t } = useTranslation("analyze");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<HTMLImageElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    const media = kind === "video" ? videoRef.current : imageRef.current;
    if (!canvas || !context || !media) return;
    const draw = (tMs: number) => {
      const index = frameIndexAt(frames, tMs + 0.5);
      const box = media.getBoundingClientRect();
      canvas.width = Math.round(box.width);
      canvas.height = Math.round(box.height);
      drawSkeleton(context, frames[index]?.landmarks ?? [], (verdicts?.[index]?.faults.length ?? 0) > 0);
      onTime(tMs);
    };
    if (!(media instanceof HTMLVideoElement)) {
      const onLoad = () => draw(0);
      if (imageRef.current?.complete) onLoad();
      media.addEventListener("load", onLoad);
      return () => media.removeEventListener("load", onLoad);
    }
    let handle = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      draw(metadata.mediaTime * 1000);
      handle = media.requestVideoFrameCallback(onFrame);
    };
    handle = media.requestVideoFrameCallback(onFrame);
    const onSeeked = () => draw(media.currentTime * 1000);
    media.addEventListener("seeked", onSeeked);
    media.addEventListener("loadeddata", onSeeked);
    return () => {
      media.cancelVideoFrameCallback(handle);
      media.removeEventListener("seeked", onSeeked);
      media.removeEventListener("loadeddata", onSeeked);
    };
  }, [frames, verdicts, kind, videoRef, onTime]);

  return (
    <div className="overlay-stage">
      {kind === "video" ? (
        <video ref={videoRef} src={url} controls muted playsInline data-testid="analysis-video" />
      ) : (
        <img ref={imageRef} src={url} alt={t("result.photo")} />
      )}
      <canvas ref={canvasRef} className="skeleton-canvas" data-testid="skeleton-canvas" />
    </div>
  );
}
