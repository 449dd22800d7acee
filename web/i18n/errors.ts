// An error in the words of the language on screen. Errors are made where they happen (sometimes in
// a worker, which has no language), with a stable code; they are worded here, where they are shown.
import { ApiRequestError } from "../api/errors";
import { LocalWriteError } from "../db/errors";
import { currentLanguage, i18n } from "./index";

const SERVER_CODES = new Set(Object.keys(i18n.getResourceBundle("en", "common")?.errors?.server ?? {}));

/** What to show for `err`: worded by its code where we know it, else its own message. */
export function errorMessage(err: unknown): string {
  const t = i18n.getFixedT(currentLanguage(), "common");
  if (err instanceof LocalWriteError) {
    switch (err.code) {
      case "storage_full":
        return t("errors.storageFull");
      case "not_found":
        return t("errors.notFound");
      case "write_failed":
        return t("errors.writeFailed", { detail: detailOf(err) });
      case "invalid_input":
        return currentLanguage() === "en" ? err.message : t("errors.invalidInput", { detail: err.message });
      default:
        return err.message;
    }
  }
  if (err instanceof ApiRequestError) {
    if (err.code === "network") return t("errors.network");
    if (err.code === "invalid_response") return t("errors.invalidResponse");
    if (err.code === "passkey_cancelled") return t("errors.passkeyCancelled");
    if (err.code.startsWith("http_")) return t("errors.http", { status: err.status });
    // The server words its own errors in English, more precisely than a code can: English
    // readers get them as they are, others the meaning of the code.
    if (currentLanguage() !== "en" && SERVER_CODES.has(err.code))
      return t(`errors.server.${err.code as "internal"}`);
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function detailOf(err: Error): string {
  const cause = err.cause;
  return cause instanceof Error ? cause.message : err.message.replace(/^[^:]*:\s*/, "");
}
