import { i18n, currentLanguage } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { PoseError } from "../../pose/pose-types";
import { VideoReadError } from "../../video/types";

/**
 * A failed analysis in the words of the language on screen: video and pose errors by their code
 * (their own messages are English, for logs and scripts), anything else as the app words it.
 */
export function analysisErrorText(error: unknown): string {
  const t = i18n.getFixedT(currentLanguage(), "analyze");
  if (error instanceof VideoReadError) return t(`errors.video.${error.code}`);
  if (error instanceof PoseError) return t(`errors.pose.${error.code}`);
  // The browser could not decode the photo.
  if (error instanceof DOMException && (error.name === "InvalidStateError" || error.name === "EncodingError"))
    return t("errors.image");
  return errorMessage(error);
}
