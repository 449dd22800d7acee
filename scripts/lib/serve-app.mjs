import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".task": "application/octet-stream",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webm": "video/webm",
  ".mp4": "video/mp4",
  ".map": "application/json",
};

/**
 * Parses Cloudflare's `_headers` format (a path pattern line, then indented `Name: value` lines)
 * so the dev server sends the same COOP/COEP/CSP the deployed app does.
 * @param {string} text
 * @returns {{ pattern: RegExp, headers: [string, string][] }[]}
 */
export function parseHeadersFile(text) {
  /** @type {{ pattern: RegExp, headers: [string, string][] }[]} */
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(":");
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** @param {string} root @param {string} pathname */
function resolveInside(root, pathname) {
  const file = normalize(join(root, pathname));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** @param {string} file */
async function isFile(file) {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Serves a built client (`vite build` output) on loopback with the app's own headers, falling back
 * to index.html for app routes, plus `/__media/*` from `mediaDir` for benchmark clips.
 * @param {{ distDir: string, mediaDir?: string, port?: number }} options
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveApp({ distDir, mediaDir, port = 0 }) {
  const root = normalize(distDir);
  const rules = parseHeadersFile(await readFile(join(root, "_headers"), "utf8"));
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const fromMedia = mediaDir && pathname.startsWith("/__media/");
    const base = fromMedia ? normalize(mediaDir) : root;
    let file = resolveInside(base, fromMedia ? pathname.slice("/__media/".length) : pathname);
    if (!file) return void response.writeHead(403).end();
    if (!(await isFile(file))) {
      if (fromMedia || extname(pathname)) return void response.writeHead(404).end();
      file = join(root, "index.html");
    }
    const headers = Object.fromEntries(
      rules.filter((r) => r.pattern.test(pathname)).flatMap((r) => r.headers),
    );
    const type = CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (extname(file))];
    const body = await readFile(file);
    response
      .writeHead(200, {
        ...headers,
        "content-type": type ?? "application/octet-stream",
        "content-length": body.byteLength,
      })
      .end(body);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
