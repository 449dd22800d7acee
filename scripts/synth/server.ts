import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname, join, normalize, resolve, sep } from "node:path";
import type { AddressInfo } from "node:net";

/** A loopback static server for the synth page, plus an upload sink for its outputs. */
export interface SynthServer {
  readonly baseUrl: string;
  /** Where `PUT /out/<name>` writes files; changed between jobs. */
  setUploadDir(dir: string): void;
  close(): Promise<void>;
}

export class SynthServerError extends Error {
  readonly code = "SYNTH_SERVER";
}

const MIME_BY_EXT: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".task": "application/octet-stream",
  ".tflite": "application/octet-stream",
  ".webm": "video/webm",
  ".mp4": "video/mp4",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};

/** Maps URL prefixes (e.g. `/node_modules/`) to directories on disk. */
export type Mounts = Record<string, string>;

function resolveMounted(mounts: Mounts, urlPath: string): string | null {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    const root = resolve(dir);
    const file = normalize(join(root, decodeURIComponent(urlPath.slice(prefix.length))));
    // Refuse paths that climb out of the mounted directory.
    return file === root || file.startsWith(root + sep) ? file : null;
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  mounts: Mounts,
  uploadDir: () => string | null,
): Promise<void> {
  const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method === "PUT" && urlPath.startsWith("/out/")) {
    const dir = uploadDir();
    if (!dir) throw new SynthServerError("no upload directory set");
    await writeFile(join(dir, basename(urlPath)), await readBody(req));
    res.writeHead(204).end();
    return;
  }
  const file = resolveMounted(mounts, urlPath);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": MIME_BY_EXT[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(body);
  } catch {
    // A missing file is an ordinary 404 for the browser (mannequin-js asks for a favicon).
    res.writeHead(404).end();
  }
}

/** Starts the server on an ephemeral loopback port. */
export async function startSynthServer(mounts: Mounts): Promise<SynthServer> {
  let uploadDir: string | null = null;
  const server: Server = createServer((req, res) => {
    handle(req, res, mounts, () => uploadDir).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    setUploadDir(dir) {
      uploadDir = dir;
    },
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}
