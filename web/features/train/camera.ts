import { i18n } from "../../i18n";

/** A camera the person can pick. */
export interface CameraChoice {
  deviceId: string;
  /** The browser's name for it; empty until the camera was allowed once. */
  label: string;
  /** From 1, in the browser's order, to name a camera without a label. */
  number: number;
}

/** Capture sizes offered; the pose model needs far less, so the default is the smallest. */
export const RESOLUTIONS = [
  { id: "480p", widthPx: 640, heightPx: 480 },
  { id: "720p", widthPx: 1280, heightPx: 720 },
  { id: "1080p", widthPx: 1920, heightPx: 1080 },
] as const;

export type ResolutionId = (typeof RESOLUTIONS)[number]["id"];

/** Why the camera could not start, in words the person can act on (in the language on screen). */
export class CameraError extends Error {
  constructor(
    readonly code: "denied" | "no-camera" | "busy" | "unsupported" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "CameraError";
  }
}

/** Turns a getUserMedia rejection into a {@link CameraError} with a clear message. */
export function toCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return new CameraError("denied", i18n.t("train:errors.denied"));
    case "NotFoundError":
    case "OverconstrainedError":
      return new CameraError("no-camera", i18n.t("train:errors.noCamera"));
    case "NotReadableError":
    case "AbortError":
      return new CameraError("busy", i18n.t("train:errors.busy"));
    default:
      return new CameraError("failed", i18n.t("train:errors.failed", { message: String(error) }));
  }
}

/** Cameras the browser reports; labels appear only after permission was granted once. */
export async function listCameras(): Promise<CameraChoice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === "videoinput")
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label, number: i + 1 }));
}

/** Opens the chosen camera (or the default one) at about the chosen size. */
export async function openCamera(deviceId: string | null, resolution: ResolutionId): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraError("unsupported", i18n.t("train:errors.unsupported"));
  }
  const size = RESOLUTIONS.find((r) => r.id === resolution) ?? RESOLUTIONS[0];
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: "user" }),
        width: { ideal: size.widthPx },
        height: { ideal: size.heightPx },
      },
    });
  } catch (error) {
    throw toCameraError(error);
  }
}

/** A user-facing camera is shown mirrored, like a mirror; a rear camera is not. */
export function isMirrored(stream: MediaStream): boolean {
  const track = stream.getVideoTracks()[0];
  return track?.getSettings().facingMode !== "environment";
}
