import type { Browser, PlaywrightWorkerArgs } from "@playwright/test";

/**
 * A Chromium whose camera is an MJPEG file (a rendered synthetic set), granted without a prompt:
 * the Train page sees it as a real camera.
 */
export function launchWithFakeCamera(
  playwright: PlaywrightWorkerArgs["playwright"],
  launchOptions: { args?: string[]; executablePath?: string },
  mjpegPath: string,
): Promise<Browser> {
  return playwright.chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${mjpegPath}`,
    ],
  });
}
