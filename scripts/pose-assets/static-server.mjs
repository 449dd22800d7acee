import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".task": "application/octet-stream",
  ".png": "image/png",
};

/**
 * Serves fixed URL prefixes from folders, loopback only. Dev tool for
 * verify.mjs: no caching, no directory listings.
 * @param {Record<string, string>} mounts URL prefix (e.g. `/models/`) to folder
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic(mounts) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
    if (!prefix) return void response.writeHead(404).end();
    const root = normalize(mounts[prefix]);
    const file = normalize(join(root, pathname.slice(prefix.length)));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return void response.writeHead(403).end();
    }
    try {
      const body = await readFile(file);
      const type =
        CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (extname(file))] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
