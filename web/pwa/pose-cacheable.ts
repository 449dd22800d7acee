/**
 * Whether a response for a pose runtime or model file may be cached. The server answers unknown
 * paths with the app's index.html (single-page fallback, status 200), and a proxy or captive portal
 * may answer with its own page: stored as a model, either would break pose detection offline until
 * the next model update. So only a complete 200 whose content type is not HTML is kept.
 */
export function isCacheablePoseAsset(response: Response): boolean {
  if (response.status !== 200 || response.type === "opaque" || response.type === "error") return false;
  const contentType = (response.headers.get("content-type") ?? "").toLowerCase();
  return contentType !== "" && !contentType.startsWith("text/html");
}
