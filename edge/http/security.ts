import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";

/**
 * The page may load code only from its own origin; MediaPipe needs `'wasm-unsafe-eval'` to compile
 * its WASM runtime, and the pose worker may be created from a blob URL. The same policy is served
 * for static files through public/_headers.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  workerSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:", "mediastream:"],
  styleSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
    crossOriginEmbedderPolicy: "require-corp",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
  });

/**
 * Nothing under /api may be kept by a browser or a shared cache: answers carry recovery codes,
 * sessions and people's training data. Set after the handler so error answers carry it too.
 */
export const noStore = () =>
  createMiddleware(async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });
